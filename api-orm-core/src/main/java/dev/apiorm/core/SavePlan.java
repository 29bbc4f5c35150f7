package dev.apiorm.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;

/**
 * How {@code save(instance)} goes out, decided from the instance, what the client
 * remembers of it and the client's flags alone, without a request:
 * <table>
 * <caption>The plans</caption>
 * <tr>
 * <th>the instance</th>
 * <th>plan</th>
 * </tr>
 * <tr>
 * <td>no id (or {@code 0} for a primitive id), not read from the API</td>
 * <td>{@link Create}: {@code POST} of the whole record</td>
 * </tr>
 * <tr>
 * <td>no id, but read from the API (ids kept in links only)</td>
 * <td>{@link Refuse}: saving it would create a second record</td>
 * </tr>
 * <tr>
 * <td>with an id, when saves do not send changed fields</td>
 * <td>{@link Replace}, with {@code If-Match} of its strong ETag under optimistic
 * locking</td>
 * </tr>
 * <tr>
 * <td>with an id, built by the application (nothing remembered)</td>
 * <td>{@link Replace}, unconditional</td>
 * </tr>
 * <tr>
 * <td>read from the API and changed</td>
 * <td>{@link Patch} of the changed fields, with {@code If-Match} of its strong ETag under
 * optimistic locking</td>
 * </tr>
 * <tr>
 * <td>read from the API and not changed</td>
 * <td>{@link Unchanged}: nothing to send</td>
 * </tr>
 * </table>
 */
sealed interface SavePlan {

	/**
	 * The plan of a save.
	 * @param entity the model
	 * @param object the instance
	 * @param snapshot what the client remembers of the instance, {@code null} for nothing
	 * (or when it tracks nothing)
	 * @param flags the client's save settings
	 * @param tracker compares the instance with the snapshot (reading nothing else)
	 * @param <T> the model type
	 * @return the plan
	 */
	static <T> SavePlan of(ApiPersistentEntity<T> entity, T object, ChangeTracker.@Nullable Snapshot snapshot,
			Flags flags, ChangeTracker tracker) {
		if (isNew(entity, object)) {
			if (flags.saveChangedFields() && snapshot != null) {
				return new Refuse(new ConfigurationException(entity.getModelName() + " was read from the API "
						+ "without an id (the API may keep it in links only): saving it would create a second "
						+ "record. Map the API's id with @ApiModel(idField = ...)"));
			}
			return new Create();
		}
		String ifMatch = (flags.optimisticLocking() && snapshot != null) ? snapshot.strongEtag() : null;
		if (!flags.saveChangedFields()) {
			return new Replace(ifMatch);
		}
		if (snapshot == null) {
			// Built by the application: replaced unconditionally.
			return new Replace(null);
		}
		List<String> changed = tracker.changedFields(entity, object, snapshot);
		// Nothing changed since it was read: nothing to send.
		return changed.isEmpty() ? new Unchanged() : new Patch(changed, ifMatch);
	}

	/**
	 * Whether an instance is new the Spring Data way: {@code Persistable#isNew()} where
	 * the model implements it; else by its {@code @Version} property where it has one (a
	 * {@code null} version, or {@code 0} for a primitive one: an id set by the
	 * application does not make it existing); else a {@code null} id, or {@code 0} for a
	 * primitive id.
	 */
	private static <T> boolean isNew(ApiPersistentEntity<T> entity, T object) {
		return entity.isNew(object);
	}

	/**
	 * A {@code POST} of the whole record.
	 */
	record Create() implements SavePlan {
	}

	/**
	 * The whole record with the dialect's replace method ({@code PUT}).
	 *
	 * @param ifMatch the {@code If-Match} to send, {@code null} for none
	 */
	record Replace(@Nullable String ifMatch) implements SavePlan {
	}

	/**
	 * A {@code PATCH} of some fields.
	 *
	 * @param fields the API names of the fields to send
	 * @param ifMatch the {@code If-Match} to send, {@code null} for none
	 */
	record Patch(List<String> fields, @Nullable String ifMatch) implements SavePlan {

		public Patch {
			Assert.notEmpty(fields, "fields must not be empty");
			fields = List.copyOf(fields);
		}

	}

	/**
	 * Nothing to send: the instance is returned as it is.
	 */
	record Unchanged() implements SavePlan {
	}

	/**
	 * No save: the error the caller gets instead.
	 *
	 * @param error the error
	 */
	record Refuse(RuntimeException error) implements SavePlan {
	}

	/**
	 * The client's settings a save depends on.
	 *
	 * @param saveChangedFields whether saving an instance read from the API sends only
	 * what changed
	 * @param optimisticLocking whether writes send {@code If-Match} with a strong ETag
	 */
	record Flags(boolean saveChangedFields, boolean optimisticLocking) {

		/**
		 * Whether the client remembers instances at all.
		 */
		boolean tracking() {
			return this.saveChangedFields || this.optimisticLocking;
		}

	}

}
