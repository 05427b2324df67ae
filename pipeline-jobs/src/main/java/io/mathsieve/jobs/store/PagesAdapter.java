package io.mathsieve.jobs.store;

import io.mathsieve.schemas.TextDocument;

/** Rows of the pages store: no math score yet (0), so for near-dedup the earliest fetch decides. */
public final class PagesAdapter implements DocAdapter<TextDocument> {}
