package dev.apiorm.core.relation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.InstantiationAwarePropertyAccessor;
import org.springframework.util.Assert;

import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiRelation;
import dev.apiorm.core.mapping.ReferenceStubs;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * Resolves the related records that instances hold as stubs (read from ids): for the
 * records of a page, all at once by relation path ({@code select_related} /
 * {@code prefetch_related}), and for one instance when the application asks for it. Each
 * stub is resolved once: the whole record replaces it on a mutable instance and is
 * remembered for it, so that asking again sends nothing. Nothing is fetched behind a
 * getter.
 */
public final class RelatedRecords {

	private final ReferenceStubs stubs;

	private final RelatedBatch batch;

	private final Function<Class<?>, ReactiveApiOperations> operations;

	private final EntityInstantiators instantiators = new EntityInstantiators();

	/**
	 * Related records resolved through the clients that serve them.
	 * @param mappingContext where the models and their stubs come from
	 * @param operations the operations of the client that serves a model
	 */
	public RelatedRecords(ApiMappingContext mappingContext, Function<Class<?>, ReactiveApiOperations> operations) {
		Assert.notNull(mappingContext, "mappingContext must not be null");
		this.stubs = mappingContext.getReferenceStubs();
		this.operations = operations;
		this.batch = new RelatedBatch(operations);
	}

	/**
	 * Checks relation paths against a model, as a query set does when they are given.
	 * @param entity the model
	 * @param paths the paths, {@code __} between relations
	 * @param toOneOnly whether every relation of a path must be a to-one (as
	 * {@code select_related} asks)
	 * @throws UnsupportedQueryException naming a path that is not one of relations
	 */
	public static void check(ApiPersistentEntity<?> entity, List<String> paths, boolean toOneOnly) {
		for (String path : paths) {
			ApiPersistentEntity<?> current = entity;
			for (String name : path.split("__", -1)) {
				ApiRelation relation = current.getRelation(name);
				if (relation == null) {
					throw new UnsupportedQueryException("'" + path + "' is no relation path of " + entity.getModelName()
							+ ": " + current.getModelName() + " has no relation '" + name + "' (relations: "
							+ current.getRelations().keySet() + ")");
				}
				if (toOneOnly && relation.toMany()) {
					throw new UnsupportedQueryException(
							"selectRelated follows to-one relations only, and " + current.getModelName() + "." + name
									+ " is a to-many: use prefetchRelated(\"" + path + "\")");
				}
				current = current.getRelatedEntity(relation);
			}
		}
	}

	/**
	 * Resolves the related records of some instances along relation paths, with one batch
	 * of requests per relation of a path. Mutable instances get the whole records in
	 * place of their stubs; an immutable one (a record) is copied with them, so the list
	 * returned holds the instances to hand out.
	 * @param owner the instances' model
	 * @param records the instances
	 * @param paths the relation paths
	 * @param <T> the model type
	 * @return the instances with the related records in place, in order
	 */
	public <T> Mono<List<T>> prefetch(ApiPersistentEntity<T> owner, List<T> records, List<String> paths) {
		if (records.isEmpty() || paths.isEmpty()) {
			return Mono.just(records);
		}
		Map<ApiRelation, List<String>> byRelation = new LinkedHashMap<>();
		for (String path : paths) {
			int split = path.indexOf("__");
			ApiRelation relation = owner.getRelation((split < 0) ? path : path.substring(0, split));
			if (relation == null) {
				return Mono.error(
						new UnsupportedQueryException("'" + path + "' is no relation path of " + owner.getModelName()));
			}
			List<String> rest = byRelation.computeIfAbsent(relation, (key) -> new ArrayList<>());
			if (split >= 0) {
				rest.add(path.substring(split + 2));
			}
		}
		Mono<List<T>> done = Mono.just(records);
		for (Map.Entry<ApiRelation, List<String>> entry : byRelation.entrySet()) {
			done = done.flatMap((current) -> prefetch(owner, current, entry.getKey(), entry.getValue()));
		}
		return done;
	}

	@SuppressWarnings("unchecked")
	private <T, R> Mono<List<T>> prefetch(ApiPersistentEntity<T> owner, List<T> records, ApiRelation relation,
			List<String> rest) {
		ApiPersistentEntity<R> related = (ApiPersistentEntity<R>) owner.getRelatedEntity(relation);
		Set<Object> ids = new LinkedHashSet<>();
		for (T record : records) {
			for (Object element : elements(relation.value(owner, record))) {
				if (this.stubs.isStub(element) && this.stubs.resolved(element) == null) {
					Object id = related.getId((R) element);
					if (id != null) {
						ids.add(id);
					}
				}
			}
		}
		return this.batch.fetch(related, ids, owner.getModelName() + "." + relation.name()).flatMap((found) -> {
			List<R> reached = new ArrayList<>();
			List<T> attached = new ArrayList<>(records.size());
			for (T record : records) {
				attached.add(attach(owner, record, relation, related, found, reached));
			}
			// A deeper level resolves its stubs (reachable with related(...)); its
			// immutable records are not copied into the level above.
			return rest.isEmpty() ? Mono.just(attached) : prefetch(related, reached, rest).thenReturn(attached);
		});
	}

	/**
	 * Puts the whole records in place of an instance's stubs (in a copy of an immutable
	 * instance), and collects the related records it reaches.
	 */
	@SuppressWarnings("unchecked")
	private <T, R> T attach(ApiPersistentEntity<T> owner, T record, ApiRelation relation,
			ApiPersistentEntity<R> related, Map<Object, R> found, List<R> reached) {
		Object value = relation.value(owner, record);
		if (value == null) {
			return record;
		}
		if (!relation.toMany()) {
			R whole = whole(related, (R) value, found);
			reached.add(whole);
			return (whole != value) ? with(owner, record, relation, whole) : record;
		}
		Collection<R> elements = (Collection<R>) value;
		List<R> wholes = new ArrayList<>(elements.size());
		boolean replaced = false;
		for (R element : elements) {
			R whole = whole(related, element, found);
			replaced |= whole != element;
			wholes.add(whole);
		}
		reached.addAll(wholes);
		Class<?> type = relation.property().getType();
		Collection<R> copy = type.isAssignableFrom(ArrayList.class) ? wholes
				: type.isAssignableFrom(LinkedHashSet.class) ? new LinkedHashSet<>(wholes) : null;
		return (replaced && copy != null) ? with(owner, record, relation, copy) : record;
	}

	/**
	 * The instance with another value of a relation: itself, changed, when it is mutable;
	 * a copy made by its constructor when it is not.
	 */
	private <T> T with(ApiPersistentEntity<T> owner, T record, ApiRelation relation, Object value) {
		if (owner.isMutable()) {
			owner.getPropertyAccessor(record).setProperty(relation.property(), value);
			return record;
		}
		PersistentPropertyAccessor<T> copying = new InstantiationAwarePropertyAccessor<>(record,
				owner::getPropertyAccessor, this.instantiators);
		copying.setProperty(relation.property(), value);
		return copying.getBean();
	}

	/**
	 * The whole record of a related value: itself when the API nested it, else the record
	 * its stub was resolved to, or the one just fetched for it (which resolves it).
	 */
	@SuppressWarnings("unchecked")
	private <R> R whole(ApiPersistentEntity<R> related, R value, Map<Object, R> found) {
		if (!this.stubs.isStub(value)) {
			return value;
		}
		Object resolved = this.stubs.resolved(value);
		if (resolved != null) {
			return (R) resolved;
		}
		Object id = related.getId(value);
		R fetched = (id != null) ? found.get(id) : null;
		if (fetched == null) {
			return value;
		}
		this.stubs.resolve(value, fetched);
		return fetched;
	}

	/**
	 * The whole record of one instance's to-one relation: fetched once by id when the
	 * instance holds it as a stub, the record itself when the API nested it.
	 * @param owner the instance's model
	 * @param instance the instance
	 * @param relation reads the relation's value from the instance (its getter)
	 * @param <T> the model type
	 * @param <R> the related model type
	 * @return the related record, empty when the instance has none
	 */
	@SuppressWarnings("unchecked")
	public <T, R> Mono<R> one(ApiPersistentEntity<T> owner, T instance, Function<? super T, ? extends R> relation) {
		return Mono.defer(() -> {
			R value = relation.apply(instance);
			if (value == null) {
				return Mono.empty();
			}
			if (value instanceof Collection<?>) {
				return Mono.error(new UnsupportedQueryException(
						"related(...) reaches a to-one relation; use relatedAll(...) for a to-many of "
								+ owner.getModelName()));
			}
			ApiRelation found = relationHolding(owner, instance, value);
			if (!this.stubs.isStub(value)) {
				return Mono.just(value);
			}
			Object resolved = this.stubs.resolved(value);
			if (resolved != null) {
				return Mono.just((R) resolved);
			}
			ApiPersistentEntity<R> related = (ApiPersistentEntity<R>) owner.getRelatedEntity(found);
			Object id = related.getId(value);
			if (id == null) {
				return Mono.just(value);
			}
			return this.operations.apply(related.getType()).get(id, related.getType()).map((whole) -> {
				this.stubs.resolve(value, whole);
				if (owner.isMutable() && found.value(owner, instance) == value) {
					owner.getPropertyAccessor(instance).setProperty(found.property(), whole);
				}
				return whole;
			});
		});
	}

	/**
	 * The whole records of one instance's to-many relation: those it holds as stubs
	 * fetched once, in one batch, those the API nested as they are.
	 * @param owner the instance's model
	 * @param instance the instance
	 * @param relation reads the relation's value from the instance (its getter)
	 * @param <T> the model type
	 * @param <R> the related model type
	 * @return the related records in the instance's order, empty when it has none
	 */
	@SuppressWarnings("unchecked")
	public <T, R> Mono<List<R>> all(ApiPersistentEntity<T> owner, T instance,
			Function<? super T, ? extends @Nullable Collection<R>> relation) {
		return Mono.defer(() -> {
			Collection<R> values = relation.apply(instance);
			if (values == null || values.isEmpty()) {
				return Mono.just(List.of());
			}
			List<R> elements = List.copyOf(values);
			ApiRelation found = relationHolding(owner, instance, values);
			return prefetch(owner, List.of(instance), found, List.of()).then(Mono.fromSupplier(() -> {
				List<R> wholes = new ArrayList<>(elements.size());
				for (R element : elements) {
					Object resolved = this.stubs.resolved(element);
					wholes.add((resolved != null) ? (R) resolved : element);
				}
				return wholes;
			}));
		});
	}

	/**
	 * The relation of an instance whose value is the one given, by identity: the getter
	 * the application passed read it.
	 */
	private <T> ApiRelation relationHolding(ApiPersistentEntity<T> owner, T instance, Object value) {
		for (ApiRelation relation : owner.getRelations().values()) {
			if (relation.value(owner, instance) == value) {
				return relation;
			}
		}
		throw new UnsupportedQueryException("The function passed reads no relation of " + owner.getModelName()
				+ " (relations, declared with @Reference: " + owner.getRelations().keySet() + ")");
	}

	/**
	 * The elements of a relation's value.
	 */
	private static Collection<?> elements(@Nullable Object value) {
		if (value == null) {
			return List.of();
		}
		return (value instanceof Collection<?> collection) ? collection : List.of(value);
	}

}
