import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { HomeTimelineComponent } from './home-timeline.component';
import { EXAMPLE_CONFIG } from './config';

/** The page: the home timeline when a server is named, else how to start one. */
@Component({
  selector: 'app-root',
  imports: [HomeTimelineComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (config.server) {
      <app-home-timeline />
    } @else {
      <main class="setup">
        <h1>mastodon-rx in Angular</h1>
        <p>Name a server and a token in the address: <code>?server=…&amp;token=…</code>.</p>
        <p>In the repository, <code>npm run fake-server</code> starts a fake Mastodon and prints this page's address with both.</p>
      </main>
    }
  `,
})
export class AppComponent {
  protected readonly config = inject(EXAMPLE_CONFIG);
}
