type JsonLdScriptProps = {
  /** Structured data already serialized for a script element (see serializeJsonLd in lib/seo). */
  json: string;
};

/** A `<script type="application/ld+json">` block; the JSON is escaped by its builder, not here. */
export function JsonLdScript({ json }: JsonLdScriptProps) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
