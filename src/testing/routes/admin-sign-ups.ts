import type { FakeStore, FakeUser } from '../store.js';
import { fakeAdmin } from './admin-state.js';
import { fakeAdminBlocks, signUpAddress } from './admin-blocks-state.js';
import { FakeHttpError, type FakeRequest } from './types.js';

/** One of Mastodon's validation errors, as `details` of a refused sign-up lists them. */
export interface FakeValidationError {
  readonly error: string;
  readonly description: string;
}

/** What the admin area says about one sign-up through `POST /api/v1/accounts`. */
export interface FakeSignUpGate {
  /** The error for the e-mail address, when its domain or the address itself is blocked. */
  readonly emailError: FakeValidationError | undefined;
  /** Takes the new user in: its sign-up address, pending when a block says so; tells the staff. */
  admit(user: FakeUser): void;
}

/**
 * Checks a sign-up against the admin blocks, as Mastodon does: an IP block of severity
 * `sign_up_block` or `no_access` over the sign-up address refuses it with 403 (Mastodon's
 * `NotPermittedError`); a blocked e-mail domain (or a parent domain) or a canonical e-mail block
 * gives the address a validation error; an IP block of severity `sign_up_requires_approval`, or
 * an e-mail domain block that allows with approval, lets the user in pending. Each new user is
 * announced to the staff with an `admin.sign_up` notification. (Mastodon refuses every request
 * from a `no_access` range; the fake server refuses only sign-ups, so that a test blocking
 * 127.0.0.1 does not lock itself out.)
 *
 * ## Example
 * ```ts
 * const gate = signUpGate(store, req, email);   // throws FakeHttpError(403) from a blocked address
 * if (gate.emailError) details['email'] = [gate.emailError];
 * gate.admit(store.addUser(username, email, password));
 * ```
 */
export function signUpGate(store: FakeStore, request: FakeRequest, email: string): FakeSignUpGate {
  const blocks = fakeAdminBlocks(store);
  const address = signUpAddress(store, request);
  const severities = blocks.severitiesFor(address);
  if (severities.includes('sign_up_block') || severities.includes('no_access')) throw new FakeHttpError(403, 'This action is not allowed');

  const domainBlocks = blocks.emailDomainBlocksFor(email);
  const refusing = domainBlocks.filter((block) => !block.allow_with_approval);
  for (const block of refusing) block.attempts.push({ at: Date.now(), ip: address });
  let emailError: FakeValidationError | undefined;
  if (refusing.length > 0) emailError = { error: 'ERR_BLOCKED', description: 'uses a disallowed e-mail provider' };
  else if (blocks.canonicalEmailBlocksFor(email).length > 0) emailError = { error: 'ERR_TAKEN', description: 'has already been taken' };

  const pending = severities.includes('sign_up_requires_approval') || domainBlocks.some((block) => block.allow_with_approval);
  return {
    emailError,
    admit: (user) => {
      const admin = fakeAdmin(store);
      const state = admin.of(user.account.id);
      state.ip = address;
      state.approved = !pending;
      for (const staff of admin.staff()) store.addNotification('admin.sign_up', staff.account.id, user.account);
    },
  };
}
