/**
 * What an IP block does to matching addresses: sign-ups wait for approval
 * (`sign_up_requires_approval`), sign-ups are refused (`sign_up_block`), or every request is
 * refused (`no_access`).
 */
export type Admin_IpBlockSeverity = 'sign_up_requires_approval' | 'sign_up_block' | 'no_access';

/** A range of IP addresses the server limits. Since 4.0. @see https://docs.joinmastodon.org/entities/Admin_IpBlock/ */
export interface Admin_IpBlock {
  /** The block's id. */
  id: string;
  /** The range in CIDR notation, such as `192.0.2.0/24` (a single address ends in `/32` or `/128`). */
  ip: string;
  /** What the block does. */
  severity: Admin_IpBlockSeverity;
  /** Why the range is blocked (for moderators). */
  comment: string;
  /** When the block was made. */
  created_at: Date;
  /** When the block lapses, or null for never. */
  expires_at: Date | null;
}

/** Sign-up attempts with a blocked e-mail domain on one day. */
export interface Admin_EmailDomainBlockHistory {
  /** The day (midnight UTC), sent as epoch seconds and parsed into a `Date`. */
  day: Date;
  /** Accounts attempted that day (a number as a string, as the server sends it). */
  accounts: string;
  /** IP addresses that attempted that day (a number as a string). */
  uses: string;
}

/** An e-mail domain that may not be used to sign up. Since 4.0. @see https://docs.joinmastodon.org/entities/Admin_EmailDomainBlock/ */
export interface Admin_EmailDomainBlock {
  /** The block's id. */
  id: string;
  /** The blocked e-mail domain. */
  domain: string;
  /** When the block was made. */
  created_at: Date;
  /** Sign-up attempts of the last days, newest first. */
  history: Admin_EmailDomainBlockHistory[];
  /** Whether sign-ups with the domain are let in to wait for approval instead of refused (sent by newer servers). */
  allow_with_approval?: boolean;
}

/** An e-mail address blocked from signing up, by the hash of its canonical form. Since 4.0. @see https://docs.joinmastodon.org/entities/Admin_CanonicalEmailBlock/ */
export interface Admin_CanonicalEmailBlock {
  /** The block's id. */
  id: string;
  /** SHA-256, in hex, of the address in canonical form (lower case, dots and `+tags` of the local part removed). */
  canonical_email_hash: string;
}

/** A domain the server federates with while it federates only with allowed domains. Since 4.0. @see https://docs.joinmastodon.org/entities/Admin_DomainAllow/ */
export interface Admin_DomainAllow {
  /** The allow's id. */
  id: string;
  /** The allowed domain. */
  domain: string;
  /** When it was allowed. */
  created_at: Date;
}
