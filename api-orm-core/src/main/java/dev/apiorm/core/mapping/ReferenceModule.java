package dev.apiorm.core.mapping;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.annotation.Reference;

import dev.apiorm.Hyperlinked;

/**
 * How a relation declared with Spring Data's {@link Reference} is written and read: a
 * to-one as the related record's id, a to-many as a list of ids (as the records' paths
 * when it is {@link Hyperlinked}); a related record given as a link is read as the id the
 * link names ({@link RelatedLinks}). A related record the API nests whole is read whole;
 * one it gives by its id alone is read as a stub (an instance of the related model with
 * only its id), which {@link ReferenceStubs} remembers so that it is never taken for the
 * whole record.
 */
final class ReferenceModule extends JacksonModule {

	private final Function<Class<?>, ApiPersistentEntity<?>> entities;

	private final ReferenceStubs stubs;

	ReferenceModule(Function<Class<?>, ApiPersistentEntity<?>> entities, ReferenceStubs stubs) {
		this.entities = entities;
		this.stubs = stubs;
	}

	@Override
	public String getModuleName() {
		return "api-orm-references";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.insertAnnotationIntrospector(new Introspector());
	}

	/**
	 * The related model of an annotated property: its type, or the type of its elements
	 * for a collection; {@code null} when the property is no relation.
	 */
	private static @Nullable Class<?> related(Annotated annotated, boolean content) {
		if (!annotated.hasAnnotation(Reference.class)) {
			return null;
		}
		// A setter's type is that of its parameter; a getter's, field's or creator
		// parameter's its own.
		JavaType type = (annotated instanceof AnnotatedMethod method && method.getParameterCount() == 1)
				? method.getParameterType(0) : annotated.getType();
		boolean collection = type.isCollectionLikeType() || type.isArrayType();
		if (collection != content) {
			return null;
		}
		return collection ? type.getContentType().getRawClass() : type.getRawClass();
	}

	private final class Introspector extends NopAnnotationIntrospector {

		@Override
		public @Nullable Object findSerializer(MapperConfig<?> config, Annotated annotated) {
			Class<?> target = related(annotated, false);
			return (target != null) ? new IdSerializer(target, annotated.hasAnnotation(Hyperlinked.class)) : null;
		}

		@Override
		public @Nullable Object findContentSerializer(MapperConfig<?> config, Annotated annotated) {
			Class<?> target = related(annotated, true);
			return (target != null) ? new IdSerializer(target, annotated.hasAnnotation(Hyperlinked.class)) : null;
		}

		@Override
		public @Nullable Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
			Class<?> target = related(annotated, false);
			return (target != null) ? new StubDeserializer(target) : null;
		}

		@Override
		public @Nullable Object findContentDeserializer(MapperConfig<?> config, Annotated annotated) {
			Class<?> target = related(annotated, true);
			return (target != null) ? new StubDeserializer(target) : null;
		}

	}

	/**
	 * The entity of a related model, looked up on first use (the models refer to each
	 * other, and are read in any order).
	 */
	private abstract class Related<E> {

		final Class<?> target;

		private volatile @Nullable ApiPersistentEntity<Object> entity;

		Related(Class<?> target) {
			this.target = target;
		}

		@SuppressWarnings("unchecked")
		ApiPersistentEntity<Object> entity() {
			ApiPersistentEntity<Object> found = this.entity;
			if (found == null) {
				found = (ApiPersistentEntity<Object>) ReferenceModule.this.entities.apply(this.target);
				this.entity = found;
			}
			return found;
		}

	}

	private final class IdSerializer extends ValueSerializer<Object> {

		private final Related<Object> related;

		private final boolean link;

		IdSerializer(Class<?> target, boolean link) {
			this.related = new Related<>(target) {
			};
			this.link = link;
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context)
				throws JacksonException {
			Object id = this.related.entity().getId(value);
			if (id == null) {
				generator.writeNull();
			}
			else if (this.link) {
				generator.writeString(RelatedLinks.pathOf(this.related.entity().getEndpoint(), id));
			}
			else {
				context.writeValue(generator, id);
			}
		}

	}

	private final class StubDeserializer extends ValueDeserializer<Object> {

		private final Related<Object> related;

		StubDeserializer(Class<?> target) {
			this.related = new Related<>(target) {
			};
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (parser.currentToken() == JsonToken.START_OBJECT) {
				return context.readValue(parser, this.related.target);
			}
			JsonNode id = context.readTree(parser);
			if (id.isString() && RelatedLinks.isLink(id.asString())) {
				id = idOfLink(id.asString(), context);
			}
			ObjectNode record = context.getNodeFactory().objectNode();
			record.set(this.related.entity().getIdWireName(), id);
			Object stub = this.related.entity().getCodec().readStub(record);
			ReferenceModule.this.stubs.add(stub);
			return stub;
		}

		private JsonNode idOfLink(String link, DeserializationContext context) {
			ApiPersistentEntity<Object> entity = this.related.entity();
			String id = RelatedLinks.idIn(link, entity.getEndpoint());
			if (id == null) {
				return context.reportInputMismatch(this, "the link " + RelatedLinks.describe(link) + " is no record of "
						+ entity.getModelName() + " (" + entity.getEndpoint() + ")");
			}
			return context.getNodeFactory().stringNode(id);
		}

	}

}
