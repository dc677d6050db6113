/** Activity of a server in one week. @see https://docs.joinmastodon.org/methods/instance/#activity */
export interface InstanceActivity {
  /** The start of the week, sent as epoch seconds and parsed into a `Date`. */
  week: Date;
  /** Statuses created that week (a number as a string, as the server sends it). */
  statuses: string;
  /** User logins that week (a number as a string). */
  logins: string;
  /** Sign-ups that week (a number as a string). */
  registrations: string;
}

/** A rule and its explanation in another language. Since 4.4. */
export interface RuleTranslation {
  /** The rule, translated. */
  text: string;
  /** The explanation, translated. */
  hint: string;
}

/** A rule of the server. @see https://docs.joinmastodon.org/entities/Rule/ */
export interface Rule {
  /** The rule's id. */
  id: string;
  /** The rule, in few words. */
  text: string;
  /** The rule explained at more length, or `''`. Since 4.3. */
  hint?: string;
  /** The rule in other languages, keyed by locale (`de`, `zh-TW`…). Since 4.4. */
  translations?: Record<string, RuleTranslation>;
}

/** The server's about page text. Since 4.0. @see https://docs.joinmastodon.org/entities/ExtendedDescription/ */
export interface ExtendedDescription {
  /** When it was last changed. */
  updated_at: Date;
  /** The text, as HTML. */
  content: string;
}

/** The server's privacy policy. Since 4.0. @see https://docs.joinmastodon.org/entities/PrivacyPolicy/ */
export interface PrivacyPolicy {
  /** When it was last changed. */
  updated_at: Date;
  /** The text, as HTML. */
  content: string;
}

/** One version of the server's terms of service. Since 4.4. @see https://docs.joinmastodon.org/entities/TermsOfService/ */
export interface TermsOfService {
  /** The day these terms take or took effect. */
  effective_date: Date;
  /** Whether these terms are the ones in effect now. */
  effective: boolean;
  /** The text, as HTML. */
  content: string;
  /** The day newer terms take effect, or null if there are none. */
  succeeded_by: Date | null;
}

/** A language the server knows, as `instanceLanguages` lists it. Since 4.2. @see https://docs.joinmastodon.org/methods/instance/#languages */
export interface SupportedLocale {
  /** The ISO 639 code, such as `en` or `zh-TW`. */
  code: string;
  /** The language's name in English. */
  name: string;
}

/** How hard a server's public domain block is: `silence` (limited) or `suspend` (cut off). */
export type DomainBlockSeverity = 'silence' | 'suspend';

/** A domain the server blocks, as it shows the public. Since 4.0. @see https://docs.joinmastodon.org/entities/DomainBlock/ */
export interface DomainBlock {
  /** The domain, possibly partly starred out. */
  domain: string;
  /** SHA-256 of the domain, in hex, to check a known domain against an obfuscated entry. */
  digest: string;
  /** How hard the block is. */
  severity: DomainBlockSeverity;
  /** The public reason, or null. */
  comment?: string | null;
}

/** A link of the nodeinfo discovery document: a schema and where it is served. */
export interface NodeinfoLink {
  /** The schema, such as `http://nodeinfo.diaspora.software/ns/schema/2.0`. */
  rel: string;
  /** The absolute URL of the document. */
  href: string;
}

/** The nodeinfo discovery document at `/.well-known/nodeinfo`. */
export interface NodeinfoDiscovery {
  /** One link per schema version the server offers. */
  links: NodeinfoLink[];
}

/** Software and usage facts of a server, as the nodeinfo standard describes them. @see https://github.com/jhass/nodeinfo */
export interface Nodeinfo {
  /** The schema version, such as `2.0`. */
  version: string;
  /** The server software: `{ name: 'mastodon', version: '4.0.2' }`. */
  software: {
    /** The software's name, lower case. */
    name: string;
    /** Its version. */
    version: string;
    /** Where its source code is (schema 2.1). */
    repository?: string;
    /** Its homepage (schema 2.1). */
    homepage?: string;
  };
  /** Protocols spoken, such as `activitypub`. */
  protocols: string[];
  /** Third-party services the server connects to. */
  services: {
    /** Services the server takes posts from. */
    inbound: string[];
    /** Services the server publishes to. */
    outbound: string[];
  };
  /** User and post counts. */
  usage: {
    /** Local users. */
    users: {
      /** All of them. */
      total?: number;
      /** Active in the last month. */
      activeMonth?: number;
      /** Active in the last six months. */
      activeHalfyear?: number;
    };
    /** Local posts. */
    localPosts?: number;
    /** Local comments (Mastodon does not count these). */
    localComments?: number;
  };
  /** Whether anyone may sign up. */
  openRegistrations: boolean;
  /** Anything else the server says about itself. */
  metadata: Record<string, unknown>;
}
