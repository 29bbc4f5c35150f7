package dev.apiorm.core;

import org.springframework.data.mapping.callback.EntityCallback;

/**
 * A Spring Data entity callback called with every instance api-orm is about to create or
 * save ({@code create}, {@code save}, {@code saveAll}, {@code bulkCreate}), on the thread
 * that subscribes to the write (the caller's thread for the blocking face), before it is
 * validated and sent. Auditing is one ({@code @EnableApiOrmAuditing}).
 *
 * @param <T> the model type
 */
@FunctionalInterface
public interface BeforeSaveCallback<T> extends EntityCallback<T> {

	/**
	 * Called before an instance is written.
	 * @param object the instance
	 * @return the instance to write: the same one, or a new one for immutable models
	 */
	T onBeforeSave(T object);

}
