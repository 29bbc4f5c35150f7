package dev.apiorm.schema;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading an OpenAPI 3 document: parameters (shared by the path, by reference), records
 * in an envelope or a plain array, {@code $ref} and {@code allOf}; and the checks made
 * with it.
 */
class ApiSchemaTests {

	private static final String DOCUMENT = """
			{"openapi": "3.0.2",
			 "paths": {
			  "/api/v1/users/": {
			   "parameters": [{"$ref": "#/components/parameters/Limit"}],
			   "get": {
			    "parameters": [{"name": "role", "in": "query"}, {"name": "X-Trace", "in": "header"},
			                   {"name": "ordering", "in": "query"}],
			    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object",
			     "properties": {"count": {"type": "integer"},
			                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}}}}}}},
			  "/tags": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
			     {"type": "array", "items": {"type": "object", "properties": {"slug": {"type": "string"}}}}}}}}}}},
			 "components": {
			  "parameters": {"Limit": {"name": "limit", "in": "query"}},
			  "schemas": {
			   "Named": {"type": "object", "properties": {"name": {"type": "string"}}},
			   "User": {"allOf": [{"$ref": "#/components/schemas/Named"}], "properties": {
			     "id": {"type": "integer"}, "email": {"type": "string"}, "role": {"type": "string"},
			     "age": {"type": "string"}, "active": {"type": "boolean"}}}}}}
			""";

	private final ApiSchema schema = ApiSchema.parse(DOCUMENT.getBytes(StandardCharsets.UTF_8), "test.json");

	@Test
	void readsQueryParametersAndRecordFields() {
		assertThat(this.schema.paths()).containsExactly("/api/v1/users/", "/tags");
		assertThat(this.schema.parametersOf("/api/v1/users/")).containsExactly("limit", "role", "ordering");
		assertThat(this.schema.fieldsOf("/api/v1/users/")).isEqualTo(Map.of("name", "string", "id", "integer", "email",
				"string", "role", "string", "age", "string", "active", "boolean"));
		assertThat(this.schema.fieldsOf("/tags")).isEqualTo(Map.of("slug", "string"));
		assertThat(this.schema.parametersOf("/nowhere/")).isNull();
	}

	@Test
	void negatedFiltersBesideTheirFieldShowTheNegationSuffix() {
		assertThat(this.schema.negationSuffix()).isEmpty();
		ApiSchema negating = ApiSchema.parse(DOCUMENT
			.replace("{\"name\": \"ordering\", \"in\": \"query\"}",
					"{\"name\": \"role__not\", \"in\": \"query\"}, {\"name\": \"author__name\", \"in\": \"query\"}")
			.getBytes(StandardCharsets.UTF_8), "negating.json");
		assertThat(negating.parametersOf("/api/v1/users/")).contains("role__not");
		assertThat(negating.negationSuffix()).hasValue("not");
	}

	@Test
	void aDocumentThatIsNotOpenApi3IsAConfigurationError() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiSchema.parse("{\"swagger\": \"2.0\"}".getBytes(StandardCharsets.UTF_8), "old.json"))
			.withMessageContaining("old.json is not an OpenAPI 3 document");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiSchema.parse("{not json".getBytes(StandardCharsets.UTF_8), "broken.json"))
			.withMessageContaining("broken.json cannot be read");
	}

	@Test
	void modelsAreCheckedForTheirFieldsAndTypes() {
		ApiMappingContext context = new ApiMappingContext();
		SchemaCheck check = new SchemaCheck(this.schema, URI.create("http://api.example.com"));
		check.checkModel(context.getRequiredEntity(User.class));
		// User.age is an Integer, the API's is text; created_at is not in the document.
		assertThat(check.problems()).containsExactly(
				"User.age: the API's field 'age' is string, which Integer cannot hold",
				"User.createdAt: the API's records at /api/v1/users/ have no field 'created_at'");
	}

	@Test
	void queriesAndFiltersAreCheckedForTheirParameters() {
		ApiMappingContext context = new ApiMappingContext();
		SchemaCheck check = new SchemaCheck(this.schema, URI.create("http://api.example.com"));
		check.checkQuery(context.getRequiredEntity(User.class), "UserApi.findByRoleOrderByName",
				List.of("role", "ordering"));
		check.checkQuery(context.getRequiredEntity(User.class), "UserApi.findByEmail", List.of("email"));
		assertThat(check.problems()).containsExactly(
				"User: UserApi.findByEmail sends the parameter 'email', which GET /api/v1/users/ does not declare");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> check.checkFilter(context.getRequiredEntity(User.class), List.of("role", "age__gte")))
			.withMessageContaining("declares no parameter 'age__gte' for GET /api/v1/users/");
	}

	@Test
	void aBaseUrlPathPrefixesTheEndpoint() {
		ApiMappingContext context = new ApiMappingContext();
		ApiSchema prefixed = ApiSchema.parse(
				DOCUMENT.replace("\"/api/v1/users/\"", "\"/v2/api/v1/users/\"").getBytes(StandardCharsets.UTF_8),
				"prefixed.json");
		SchemaCheck check = new SchemaCheck(prefixed, URI.create("http://api.example.com/v2/"));
		check.checkQuery(context.getRequiredEntity(User.class), "m", List.of("role"));
		assertThat(check.problems()).isEmpty();
	}

	@Test
	void typesFitAsTheJsonMapperReadsThem() {
		assertThat(SchemaCheck.fits("integer", long.class)).isTrue();
		assertThat(SchemaCheck.fits("integer", String.class)).isTrue();
		assertThat(SchemaCheck.fits("number", Integer.class)).isFalse();
		assertThat(SchemaCheck.fits("string", java.time.OffsetDateTime.class)).isTrue();
		assertThat(SchemaCheck.fits("string", Integer.class)).isFalse();
		assertThat(SchemaCheck.fits("boolean", boolean.class)).isTrue();
		assertThat(SchemaCheck.fits("array", List.class)).isTrue();
		assertThat(SchemaCheck.fits("object", Map.class)).isTrue();
	}

}
