package io.mathsieve.jobs.store;

import io.mathsieve.schemas.store.StoreSchema;
import java.io.Serializable;

/**
 * A serializable way to name a store schema in a job graph, resolved on the TaskManager:
 * {@code StoreRef<TextDocument> pages = () -> Stores.PAGES;}. Schemas themselves hold lambdas and
 * are not serializable.
 */
@FunctionalInterface
public interface StoreRef<T> extends Serializable {
  StoreSchema<T> get();
}
