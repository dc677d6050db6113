/** A translated media description. */
export interface TranslationAttachment {
  /** The attachment's id. */
  id: string;
  /** Its alt text, translated. */
  description: string;
}

/** A translated poll answer. */
export interface TranslationPollOption {
  /** The answer, translated. */
  title: string;
}

/** A translated poll. */
export interface TranslationPoll {
  /** The poll's id. */
  id: string;
  /** Its answers, translated, in order. */
  options: TranslationPollOption[];
}

/** A status translated by the server's translation service. Since 4.0. @see https://docs.joinmastodon.org/entities/Translation/ */
export interface Translation {
  /** The text, translated, as HTML. */
  content: string;
  /** The content warning, translated. Since 4.2. */
  spoiler_text?: string;
  /** Alt texts, translated. Since 4.2. */
  media_attachments?: TranslationAttachment[];
  /** The poll, translated, or null. Since 4.2. */
  poll?: TranslationPoll | null;
  /** The language the text was translated into. Since 4.2. */
  language?: string;
  /** The language the service detected in the original (ISO 639-1). */
  detected_source_language: string;
  /** The service that translated it. */
  provider: string;
}

/** The language pairs the server can translate: source language code to target language codes. Since 4.2. @see https://docs.joinmastodon.org/methods/instance/#translation_languages */
export type TranslationLanguages = Record<string, string[]>;
