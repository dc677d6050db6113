import { createHash } from 'node:crypto';
import { formatIpRange, parseIpAddress, parseIpRange, rangeContains } from '../../endpoints/admin/ip-range.js';
import type { FakeStore } from '../store.js';
import type { FakeRequest } from './types.js';

/** An IP block as the admin API serves it; `ip` is the range as Mastodon writes it (`192.0.2.0/24`). */
export interface FakeIpBlock {
  id: string;
  ip: string;
  severity: string;
  comment: string;
  created_at: string;
  expires_at: string | null;
}

/** A blocked e-mail domain, and the sign-ups it refused (for its history). */
export interface FakeEmailDomainBlock {
  id: string;
  domain: string;
  created_at: string;
  allow_with_approval: boolean;
  /** Refused sign-ups: when (epoch ms) and from which address. */
  attempts: { at: number; ip: string }[];
}

/** A blocked address, kept as the hash of its canonical form. */
export interface FakeCanonicalEmailBlock {
  id: string;
  canonical_email_hash: string;
}

/** A domain allowed to federate. */
export interface FakeDomainAllow {
  id: string;
  domain: string;
  created_at: string;
}

const DAY = 86_400_000;

/**
 * An address as Mastodon makes it canonical before hashing: lower case, and in the local part
 * no dots and nothing from the first `+` on.
 * @example canonicalEmail('J.Doe+news@Example.com')  // 'jdoe@example.com'
 */
export function canonicalEmail(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.indexOf('@');
  const local = at === -1 ? lower : lower.slice(0, at);
  const domain = at === -1 ? '' : lower.slice(at + 1);
  return `${local.replace(/\./g, '').split('+')[0]}@${domain}`;
}

/**
 * SHA-256, in hex, of an address's canonical form, as canonical e-mail blocks keep it.
 * @example canonicalEmailHash('J.Doe+news@example.com')  // 'a8af8341993604f29cd4e0e5a5a4b5d48c575436c38b28abbfd7d481f345d5db'
 */
export function canonicalEmailHash(email: string): string {
  return createHash('sha256').update(canonicalEmail(email)).digest('hex');
}

/**
 * The blocks of the fake server's admin API: IP ranges, e-mail domains, canonical e-mail
 * addresses, and the domains allowed to federate. Sign-ups through `createAccount` are checked
 * against them (see {@link signUpAddress} for the address a sign-up comes from).
 */
export class FakeAdminBlocks {
  readonly ipBlocks: FakeIpBlock[] = [];
  readonly emailDomainBlocks: FakeEmailDomainBlock[] = [];
  readonly canonicalEmailBlocks: FakeCanonicalEmailBlock[] = [];
  readonly domainAllows: FakeDomainAllow[] = [];
  /**
   * The address sign-ups come from when the request names none in `X-Forwarded-For`. The fake
   * server listens on 127.0.0.1 only, so by default that is every client's address.
   */
  remoteIp = '127.0.0.1';
  private lastId = 0;

  /** A new id: small integers, as Mastodon's block tables count. */
  nextId(): string {
    return String(++this.lastId);
  }

  /**
   * The IP blocks still in force, newest first; expired ones are gone, as Mastodon's clean-up
   * job removes them.
   * @example blocks.activeIpBlocks().map((b) => b.ip)
   */
  activeIpBlocks(now = Date.now()): FakeIpBlock[] {
    for (const block of this.ipBlocks.filter((b) => b.expires_at !== null && Date.parse(b.expires_at) <= now)) {
      this.ipBlocks.splice(this.ipBlocks.indexOf(block), 1);
    }
    return [...this.ipBlocks].reverse();
  }

  /**
   * Adds an IP block; `ip` may be any address or range text, and is kept as Mastodon writes it.
   * @example fakeAdminBlocks(store).addIpBlock('198.51.100.0/24', 'sign_up_block')
   */
  addIpBlock(ip: string, severity: string, fields: { comment?: string; expires_in?: number } = {}): FakeIpBlock {
    const range = parseIpRange(ip);
    if (!range) throw new Error(`Not an IP range: ${ip}`);
    const block: FakeIpBlock = {
      id: this.nextId(), ip: formatIpRange(range), severity, comment: fields.comment ?? '',
      created_at: new Date().toISOString(), expires_at: expiryOf(fields.expires_in),
    };
    this.ipBlocks.push(block);
    return block;
  }

  /**
   * The severities of the IP blocks whose range holds `address`.
   * @example blocks.severitiesFor('192.0.2.7')  // ['sign_up_block']
   */
  severitiesFor(address: string): string[] {
    const parsed = parseIpAddress(address);
    if (!parsed) return [];
    return this.activeIpBlocks().filter((block) => rangeContains(parseIpRange(block.ip)!, parsed)).map((block) => block.severity);
  }

  /**
   * The e-mail domain blocks that cover an address: its domain, or a domain it is a subdomain of.
   * @example blocks.emailDomainBlocksFor('eve@mail.spam.example')  // the block of spam.example
   */
  emailDomainBlocksFor(email: string): FakeEmailDomainBlock[] {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    return this.emailDomainBlocks.filter((block) => domain === block.domain || domain.endsWith(`.${block.domain}`));
  }

  /**
   * The canonical e-mail blocks that match an address, however it is written.
   * @example blocks.canonicalEmailBlocksFor('J.Doe+x@example.com')
   */
  canonicalEmailBlocksFor(email: string): FakeCanonicalEmailBlock[] {
    const hash = canonicalEmailHash(email);
    return this.canonicalEmailBlocks.filter((block) => block.canonical_email_hash === hash);
  }

  /**
   * An e-mail domain block as the admin API serves it, with its refused sign-ups of the last
   * seven days (`uses`: attempts; `accounts`: distinct addresses they came from), newest day first.
   * @example blocks.emailDomainBlockJson(blocks.emailDomainBlocks[0]!)
   */
  emailDomainBlockJson(block: FakeEmailDomainBlock): Record<string, unknown> {
    const today = Math.floor(Date.now() / DAY) * DAY;
    const history = Array.from({ length: 7 }, (_unused, i) => {
      const start = today - i * DAY;
      const attempts = block.attempts.filter((a) => a.at >= start && a.at < start + DAY);
      return { day: String(start / 1000), accounts: String(new Set(attempts.map((a) => a.ip)).size), uses: String(attempts.length) };
    });
    return { id: block.id, domain: block.domain, created_at: block.created_at, history, allow_with_approval: block.allow_with_approval };
  }
}

/** When a block made now with `expires_in` seconds lapses, or null for never. */
export function expiryOf(expiresIn: number | undefined): string | null {
  return expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000).toISOString();
}

/**
 * The admin blocks of a fake server's store.
 *
 * ## Example
 * ```ts
 * const blocks = fakeAdminBlocks(server.store);
 * blocks.addIpBlock('192.0.2.0/24', 'sign_up_requires_approval');
 * blocks.remoteIp = '192.0.2.10';   // sign-ups now come from inside that range
 * ```
 */
export function fakeAdminBlocks(store: FakeStore): FakeAdminBlocks {
  return store.extension('admin.blocks', () => new FakeAdminBlocks());
}

/**
 * The address a request comes from, as Mastodon behind a proxy on loopback reads it: the first
 * address of `X-Forwarded-For`, else the blocks' `remoteIp` (127.0.0.1 unless a test set another).
 * @example signUpAddress(store, req)  // '127.0.0.1'
 */
export function signUpAddress(store: FakeStore, request: FakeRequest): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first !== undefined && parseIpAddress(first) ? first : fakeAdminBlocks(store).remoteIp;
}
