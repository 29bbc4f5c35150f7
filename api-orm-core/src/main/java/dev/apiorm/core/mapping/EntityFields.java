package dev.apiorm.core.mapping;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.apiorm.query.RecordFields;

/**
 * The fields of one model as the query evaluator reads them, resolved once per model: by
 * API name and by Java property name, read through Spring Data's generated property
 * accessors from instances, or from maps of API names, with query values converted to the
 * property's type by the model's JSON mapper.
 *
 * @param <R> the record type: the model, or a map of API names
 */
final class EntityFields<R> implements RecordFields<R> {

	private final Map<String, Field<R>> fields;

	private EntityFields(Map<String, Field<R>> fields) {
		this.fields = Map.copyOf(fields);
	}

	@Override
	public @Nullable Field<R> field(String name) {
		return this.fields.get(name);
	}

	/**
	 * The fields of instances of the model.
	 */
	static <T> EntityFields<T> ofInstances(ApiPersistentEntity<T> entity) {
		return build(entity, (property, codec) -> new PropertyField<>(entity, property, codec),
				(relation, id) -> new RelationField<>(entity.getRelatedEntity(relation), id,
						new PropertyField<>(entity, relation.property(), entity.getCodec())::get));
	}

	/**
	 * The fields of records read as maps of API names.
	 */
	static EntityFields<Map<String, Object>> ofMaps(ApiPersistentEntity<?> entity) {
		return build(entity, MapField::new, (relation, id) -> new RelationField<>(entity.getRelatedEntity(relation), id,
				(record) -> record.get(relation.wireName())));
	}

	/**
	 * The ids a relation of an instance holds, as the API writes them: the related id of
	 * a to-one, the list of related ids of a to-many.
	 */
	@SuppressWarnings("unchecked")
	static <T> Field<T> relationIds(ApiPersistentEntity<T> entity, ApiRelation relation) {
		Field<T> read = new PropertyField<>(entity, relation.property(), entity.getCodec());
		ApiPersistentEntity<Object> related = (ApiPersistentEntity<Object>) entity.getRelatedEntity(relation);
		if (!relation.toMany()) {
			Class<?> id = related.getRequiredIdProperty().getType();
			return new RelationField<>(related, ClassUtils.resolvePrimitiveIfNecessary(id), read::get);
		}
		return new Field<>() {

			@Override
			public @Nullable Object get(T record) {
				Object value = read.get(record);
				if (!(value instanceof java.util.Collection<?> elements)) {
					return value;
				}
				java.util.List<@Nullable Object> ids = new java.util.ArrayList<>(elements.size());
				for (Object element : elements) {
					ids.add((element != null) ? related.getId(element) : null);
				}
				return ids;
			}

			@Override
			public Object convert(Object value) {
				return value;
			}

		};
	}

	private static <R> EntityFields<R> build(ApiPersistentEntity<?> entity,
			BiFunction<ApiPersistentProperty, ApiEntityCodec<?>, Field<R>> factory,
			BiFunction<ApiRelation, Class<?>, Field<R>> relations) {
		Map<String, Field<R>> fields = new HashMap<>();
		ApiEntityCodec<?> codec = entity.getCodec();
		entity.doWithProperties((ApiPersistentProperty property) -> {
			Field<R> field = factory.apply(property, codec);
			fields.put(property.getWireName(), field);
			fields.putIfAbsent(property.getName(), field);
		});
		// A to-one relation is read as the related id, as the API filters on it; lookups
		// on a to-many are not evaluated on records.
		for (ApiRelation relation : entity.getRelations().values()) {
			if (!relation.toMany()) {
				Class<?> id = entity.getRelatedEntity(relation).getRequiredIdProperty().getType();
				Field<R> field = relations.apply(relation, ClassUtils.resolvePrimitiveIfNecessary(id));
				fields.put(relation.wireName(), field);
				fields.putIfAbsent(relation.name(), field);
			}
		}
		return new EntityFields<>(fields);
	}

	/**
	 * A to-one relation, read as the related record's id: from the related instance, or
	 * from the map the API nested, or as the id the API sent.
	 */
	private static final class RelationField<R> implements Field<R> {

		private final ApiPersistentEntity<Object> related;

		private final Class<?> idType;

		private final Function<R, @Nullable Object> raw;

		@SuppressWarnings("unchecked")
		RelationField(ApiPersistentEntity<?> related, Class<?> idType, Function<R, @Nullable Object> raw) {
			this.related = (ApiPersistentEntity<Object>) related;
			this.idType = idType;
			this.raw = raw;
		}

		@Override
		public @Nullable Object get(R record) {
			Object value = this.raw.apply(record);
			if (value == null) {
				return null;
			}
			Object id;
			if (this.related.getType().isInstance(value)) {
				id = this.related.getId(value);
			}
			else if (value instanceof Map<?, ?> nested) {
				id = nested.get(this.related.getIdWireName());
			}
			else {
				id = value;
			}
			return (id == null || this.idType.isInstance(id)) ? id : convertOrKeep(id);
		}

		private Object convertOrKeep(Object id) {
			try {
				Object converted = this.related.getCodec().convertValue(id, this.idType);
				return (converted != null) ? converted : id;
			}
			catch (RuntimeException ex) {
				return id;
			}
		}

		@Override
		public Object convert(Object value) {
			if (this.related.getType().isInstance(value)) {
				Object id = this.related.getId(value);
				if (id == null) {
					throw new IllegalArgumentException("a related " + this.related.getModelName() + " without id");
				}
				return id;
			}
			if (this.idType.isInstance(value)) {
				return value;
			}
			Object converted = this.related.getCodec().convertValue(value, this.idType);
			if (converted == null) {
				throw new IllegalArgumentException("'" + value + "' converts to null");
			}
			return converted;
		}

		@Override
		public boolean isIntegral() {
			return this.idType == Integer.class || this.idType == Long.class;
		}

	}

	/**
	 * What every field of a model shares: its type and how query values convert to it.
	 */
	private abstract static class TypedField<R> implements Field<R> {

		final ApiPersistentProperty property;

		final Class<?> type;

		final ApiEntityCodec<?> codec;

		TypedField(ApiPersistentProperty property, ApiEntityCodec<?> codec) {
			this.property = property;
			this.type = ClassUtils.resolvePrimitiveIfNecessary(property.getType());
			this.codec = codec;
		}

		@Override
		public Object convert(Object value) {
			if (this.type.isInstance(value)) {
				return value;
			}
			Object converted = this.codec.convertValue(value, this.type);
			if (converted == null) {
				throw new IllegalArgumentException("'" + value + "' converts to null");
			}
			return converted;
		}

		@Override
		public boolean isNullable() {
			return !this.property.getType().isPrimitive();
		}

		@Override
		public boolean isIntegral() {
			return this.type == Integer.class || this.type == Long.class || this.type == Short.class
					|| this.type == Byte.class || this.type == java.math.BigInteger.class;
		}

	}

	private static final class PropertyField<T> extends TypedField<T> {

		private final ApiPersistentEntity<T> entity;

		private final @Nullable Function<Object, Object> getter;

		PropertyField(ApiPersistentEntity<T> entity, ApiPersistentProperty property, ApiEntityCodec<?> codec) {
			super(property, codec);
			this.entity = entity;
			this.getter = getter(entity.getType(), property.getGetter());
		}

		@Override
		public @Nullable Object get(T record) {
			Function<Object, Object> direct = this.getter;
			return (direct != null) ? direct.apply(record)
					: this.entity.getPropertyAccessor(record).getProperty(this.property);
		}

		/**
		 * The getter as a function the JIT can inline, as a lambda would be: every record
		 * of every query is read through it. {@code null} when the getter cannot be
		 * reached, and the property is read through Spring Data's accessor.
		 */
		private static @Nullable Function<Object, Object> getter(Class<?> type, @Nullable Method method) {
			if (method == null || !Modifier.isPublic(method.getModifiers())
					|| !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
				return null;
			}
			try {
				MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
				MethodHandle handle = lookup.unreflect(method);
				CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
						MethodType.methodType(Object.class, Object.class), handle,
						MethodType.methodType(ClassUtils.resolvePrimitiveIfNecessary(method.getReturnType()),
								method.getDeclaringClass()));
				@SuppressWarnings("unchecked")
				Function<Object, Object> function = (Function<Object, Object>) site.getTarget().invoke();
				return function;
			}
			catch (Throwable ex) {
				return null;
			}
		}

	}

	private static final class MapField extends TypedField<Map<String, Object>> {

		private final String name;

		MapField(ApiPersistentProperty property, ApiEntityCodec<?> codec) {
			super(property, codec);
			this.name = property.getWireName();
		}

		@Override
		public @Nullable Object get(Map<String, Object> record) {
			Object raw = record.get(this.name);
			if (raw == null || this.type.isInstance(raw)
					|| (raw instanceof Number && Number.class.isAssignableFrom(this.type))) {
				return raw;
			}
			try {
				return this.codec.convertValue(raw, this.type);
			}
			catch (RuntimeException ex) {
				// Left as read: a comparison with a value of another type is unknown.
				return raw;
			}
		}

	}

}
