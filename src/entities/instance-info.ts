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

/** A rule of the server. @see https://docs.joinmastodon.org/entities/Rule/ */
export interface Rule {
  id: string;
  /** The rule. */
  text: string;
  /** More about the rule (newer servers). */
  hint?: string;
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
  links: NodeinfoLink[];
}

/** Software and usage facts of a server, as the nodeinfo standard describes them. @see https://github.com/jhass/nodeinfo */
export interface Nodeinfo {
  /** The schema version, such as `2.0`. */
  version: string;
  /** The server software: `{ name: 'mastodon', version: '4.0.2' }`. */
  software: { name: string; version: string; repository?: string; homepage?: string };
  /** Protocols spoken, such as `activitypub`. */
  protocols: string[];
  /** Third-party services the server connects to. */
  services: { inbound: string[]; outbound: string[] };
  /** User and post counts. */
  usage: {
    users: { total?: number; activeMonth?: number; activeHalfyear?: number };
    localPosts?: number;
    localComments?: number;
  };
  /** Whether anyone may sign up. */
  openRegistrations: boolean;
  /** Anything else the server says about itself. */
  metadata: Record<string, unknown>;
}
