import { AsyncPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Subject } from 'rxjs';
import { HomeTimelineService } from './home-timeline.service';

/** The home timeline, newest first, live statuses marked, and a button for older ones. */
@Component({
  selector: 'app-home-timeline',
  imports: [AsyncPipe, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let state = streamState$ | async;
    <header>
      <h1>Home</h1>
      <span id="stream-status" [attr.data-state]="state">{{ state }}</span>
    </header>
    @if (view$ | async; as view) {
      <ol id="timeline">
        @for (status of view.statuses; track status.id) {
          <li [attr.data-id]="status.id" [class.live]="view.live.has(status.id)">
            <span class="who">&#64;{{ status.account.acct }}</span>
            <time [attr.datetime]="status.created_at.toISOString()">{{ status.created_at | date: 'mediumTime' }}</time>
            <div class="content" [innerHTML]="status.content"></div>
          </li>
        }
      </ol>
      @if (view.error) {
        <p class="error">{{ view.error }}</p>
      }
      <button id="older" type="button" [disabled]="view.older !== 'more'" (click)="older.next()">
        @switch (view.older) {
          @case ('loading') { Loading… }
          @case ('end') { No older statuses }
          @default { Older }
        }
      </button>
    }
  `,
  styles: `
    :host { display: block; max-width: 40rem; margin: 0 auto; font: 15px/1.4 system-ui, sans-serif; }
    header { display: flex; align-items: baseline; gap: 1rem; }
    #stream-status { font-size: 0.8rem; padding: 0.1rem 0.5rem; border-radius: 1rem; background: #eee; }
    #stream-status[data-state='open'] { background: #d4f5d4; }
    ol { list-style: none; padding: 0; }
    li { border-bottom: 1px solid #ddd; padding: 0.5rem 0; }
    li.live { background: #fffbe0; }
    .who { font-weight: 600; margin-right: 0.5rem; }
    time { color: #777; font-size: 0.8rem; }
    .error { color: #b00; }
  `,
})
export class HomeTimelineComponent {
  /** Clicks on "Older". */
  protected readonly older = new Subject<void>();
  private readonly timeline = inject(HomeTimelineService);
  protected readonly streamState$ = this.timeline.streamState$;
  protected readonly view$ = this.timeline.timeline(this.older);
}
