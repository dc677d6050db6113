import { endpoint, json, nothing } from './define.js';
import type { Application, Instance } from '../entities/instance.js';

/** The server itself, and the app's own registration. */
export const instance = {
  /**
   * The server's description, including its version and streaming URL.
   * @example api.instance().subscribe((i) => console.log(i.title, i.version))
   */
  instance: endpoint('GET /api/v1/instance/', {
    created: '1.1.0', changed: '3.4.0', returns: json<Instance>(),
  }),

  /**
   * The app the client is registered as.
   * @example api.appVerifyCredentials().subscribe((app) => console.log(app.name))
   */
  appVerifyCredentials: endpoint('GET /api/v1/apps/verify_credentials', {
    created: '2.0.0', returns: json<Application>(),
  }),

  /**
   * Ask for the confirmation mail of an unconfirmed user to be sent again.
   * @example api.emailResendConfirmation().subscribe()
   */
  emailResendConfirmation: endpoint('POST /api/v1/emails/confirmations', {
    created: '3.4.0', returns: nothing(),
  }),
};
