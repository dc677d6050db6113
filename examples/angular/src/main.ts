import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { readConfig } from './app/config';

bootstrapApplication(AppComponent, appConfig(readConfig(location.search))).catch((error: unknown) => console.error(error));
