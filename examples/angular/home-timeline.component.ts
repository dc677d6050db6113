import { Component, inject } from '@angular/core';
import { AsyncPipe, DatePipe } from '@angular/common';
import { Subject } from 'rxjs';
import { HomeTimelineService } from './home-timeline.service';

/** The home timeline, newest first, with a button that loads one more page. */
@Component({
  selector: 'app-home-timeline',
  standalone: true,
  imports: [AsyncPipe, DatePipe],
  template: `
    @if (statuses$ | async; as statuses) {
      <ol>
        @for (status of statuses; track status.id) {
          <li>
            <strong>{{ status.account.display_name || status.account.acct }}</strong>
            <time>{{ status.created_at | date: 'short' }}</time>
            <div [innerHTML]="status.content"></div>
          </li>
        }
      </ol>
    } @else {
      <p>Loading…</p>
    }
    <button type="button" (click)="more.next()">Older</button>
  `,
})
export class HomeTimelineComponent {
  /** Clicks on "Older". */
  readonly more = new Subject<void>();
  readonly statuses$ = inject(HomeTimelineService).timeline(this.more);
}
