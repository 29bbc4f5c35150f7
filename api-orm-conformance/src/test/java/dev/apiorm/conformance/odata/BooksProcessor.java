package dev.apiorm.conformance.odata;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;

/**
 * Serves the entity set {@code books}: collections with {@code $filter},
 * {@code $orderby}, {@code $skip}, {@code $top} and {@code $count}, and each entity read,
 * created, replaced (PUT), merged (PATCH) and deleted; updates are answered {@code 204},
 * OData's default.
 */
class BooksProcessor implements EntityCollectionProcessor, EntityProcessor {

	private final BookStore store;

	private OData odata;

	private ServiceMetadata metadata;

	BooksProcessor(BookStore store) {
		this.store = store;
	}

	@Override
	public void init(OData odata, ServiceMetadata metadata) {
		this.odata = odata;
		this.metadata = metadata;
	}

	@Override
	public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
			throws ODataApplicationException, ODataLibraryException {
		EdmEntitySet set = entitySet(uri);
		List<Map<String, Object>> books = this.store.all();
		if (uri.getFilterOption() != null) {
			Expression filter = uri.getFilterOption().getExpression();
			books = books.stream().filter((book) -> Boolean.TRUE.equals(evaluate(filter, book))).toList();
		}
		if (uri.getOrderByOption() != null) {
			Comparator<Map<String, Object>> order = null;
			for (OrderByItem item : uri.getOrderByOption().getOrders()) {
				Comparator<Map<String, Object>> byItem = Comparator.comparing(
						(book) -> (Comparable<Object>) evaluate(item.getExpression(), book),
						Comparator.nullsFirst(Comparator.naturalOrder()));
				byItem = item.isDescending() ? byItem.reversed() : byItem;
				order = (order != null) ? order.thenComparing(byItem) : byItem;
			}
			books = books.stream().sorted(order).toList();
		}
		int total = books.size();
		int skip = (uri.getSkipOption() != null) ? uri.getSkipOption().getValue() : 0;
		int top = (uri.getTopOption() != null) ? uri.getTopOption().getValue() : Integer.MAX_VALUE;
		EntityCollection collection = new EntityCollection();
		books.stream().skip(skip).limit(top).forEach((book) -> collection.getEntities().add(entity(book)));
		if (uri.getCountOption() != null && uri.getCountOption().getValue()) {
			collection.setCount(total);
		}
		EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
			.id(request.getRawBaseUri() + "/" + set.getName())
			.contextURL(ContextURL.with().entitySet(set).build())
			.count(uri.getCountOption())
			.build();
		respond(response, HttpStatusCode.OK, format,
				this.odata.createSerializer(format)
					.entityCollection(this.metadata, set.getEntityType(), collection, options)
					.getContent());
	}

	@SuppressWarnings("unchecked")
	private static Object evaluate(Expression expression, Map<String, Object> book) {
		try {
			return expression.accept(new BookFilter(book));
		}
		catch (ExpressionVisitException | ODataApplicationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
			throws ODataApplicationException, ODataLibraryException {
		writeEntity(response, uri, HttpStatusCode.OK, format, existing(uri));
	}

	@Override
	public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
			ContentType format) throws ODataApplicationException, ODataLibraryException {
		Map<String, Object> values = read(request, uri, requestFormat);
		validate(values);
		values.remove("id");
		Map<String, Object> book = this.store.add(values);
		response.setHeader(HttpHeader.LOCATION,
				request.getRawBaseUri() + "/" + entitySet(uri).getName() + "(" + book.get("id") + ")");
		writeEntity(response, uri, HttpStatusCode.CREATED, format, book);
	}

	@Override
	public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
			ContentType format) throws ODataApplicationException, ODataLibraryException {
		Map<String, Object> book = existing(uri);
		Map<String, Object> values = read(request, uri, requestFormat);
		Map<String, Object> updated = new LinkedHashMap<>();
		if (request.getMethod() == HttpMethod.PATCH) {
			updated.putAll(book);
		}
		updated.putAll(values);
		validate(updated);
		this.store.put((Long) book.get("id"), updated);
		response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
	}

	@Override
	public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri)
			throws ODataApplicationException {
		this.store.remove((Long) existing(uri).get("id"));
		response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
	}

	private void writeEntity(ODataResponse response, UriInfo uri, HttpStatusCode status, ContentType format,
			Map<String, Object> book) throws ODataLibraryException {
		EdmEntitySet set = entitySet(uri);
		EntitySerializerOptions options = EntitySerializerOptions.with()
			.contextURL(ContextURL.with().entitySet(set).suffix(ContextURL.Suffix.ENTITY).build())
			.build();
		respond(response, status, format,
				this.odata.createSerializer(format)
					.entity(this.metadata, set.getEntityType(), entity(book), options)
					.getContent());
	}

	private static void respond(ODataResponse response, HttpStatusCode status, ContentType format,
			InputStream content) {
		response.setContent(content);
		response.setStatusCode(status.getStatusCode());
		response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
	}

	private Map<String, Object> read(ODataRequest request, UriInfo uri, ContentType format)
			throws ODataLibraryException {
		Entity entity = this.odata.createDeserializer(format)
			.entity(request.getBody(), entitySet(uri).getEntityType())
			.getEntity();
		Map<String, Object> values = new LinkedHashMap<>();
		for (Property property : entity.getProperties()) {
			Object value = property.getValue();
			if (value instanceof Calendar calendar) {
				value = LocalDate.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1,
						calendar.get(Calendar.DAY_OF_MONTH));
			}
			values.put(property.getName(), value);
		}
		return values;
	}

	private static void validate(Map<String, Object> book) throws ODataApplicationException {
		Object title = book.get("title");
		if (title == null || title.toString().isBlank()) {
			throw new FieldException("title", "must not be blank");
		}
	}

	private Map<String, Object> existing(UriInfo uri) throws ODataApplicationException {
		UriResourceEntitySet resource = (UriResourceEntitySet) uri.getUriResourceParts().get(0);
		long id = Long.parseLong(resource.getKeyPredicates().get(0).getText());
		Map<String, Object> book = this.store.get(id);
		if (book == null) {
			throw new ODataApplicationException("No book " + id, HttpStatusCode.NOT_FOUND.getStatusCode(), Locale.ROOT);
		}
		return book;
	}

	private static EdmEntitySet entitySet(UriInfo uri) {
		return ((UriResourceEntitySet) uri.getUriResourceParts().get(0)).getEntitySet();
	}

	private static Entity entity(Map<String, Object> book) {
		Entity entity = new Entity();
		book.forEach((name, value) -> entity.addProperty(new Property(null, name, ValueType.PRIMITIVE, value)));
		entity.setId(URI.create(LibraryEdmProvider.BOOKS + "(" + book.get("id") + ")"));
		return entity;
	}

	/**
	 * A request whose field is invalid: a 400 whose error names the field as its target.
	 */
	static final class FieldException extends ODataApplicationException {

		private final String field;

		FieldException(String field, String message) {
			super(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

}
