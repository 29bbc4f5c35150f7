package dev.apiorm.core.mapping;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.fixtures.Author;
import dev.apiorm.fixtures.Book;
import dev.apiorm.fixtures.Review;
import dev.apiorm.query.RecordFields;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Reference;

import dev.apiorm.ApiModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Relations declared with Spring Data's {@code @Reference}: read from ids or nested
 * records, written as ids, and read as ids by the query evaluator.
 */
class ReferenceMappingTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<Book> books = this.context.getRequiredEntity(Book.class);

	@Test
	void relationsAreTheReferenceProperties() {
		assertThat(this.books.getRelations()).containsOnlyKeys("author", "editors");
		assertThat(this.books.getRelation("author").target()).isEqualTo(Author.class);
		assertThat(this.books.getRelation("author").toMany()).isFalse();
		assertThat(this.books.getRelation("editors").toMany()).isTrue();
		assertThat(this.books.getRelation("editors").target()).isEqualTo(Author.class);
		assertThat(this.books.getRelation("title")).isNull();
	}

	@Test
	void anIdIsReadAsAStubAndANestedRecordWhole() {
		Book book = read("{\"id\":1,\"title\":\"T\",\"author\":7,\"editors\":[8,{\"id\":9,\"name\":\"Eve\"}]}");
		assertThat(book.getAuthor().getId()).isEqualTo(7L);
		assertThat(book.getAuthor().getName()).isNull();
		ReferenceStubs stubs = this.context.getReferenceStubs();
		assertThat(stubs.isStub(book.getAuthor())).isTrue();
		assertThat(book.getEditors()).extracting(Author::getId).containsExactly(8L, 9L);
		assertThat(stubs.isStub(book.getEditors().get(0))).isTrue();
		assertThat(stubs.isStub(book.getEditors().get(1))).isFalse();
		assertThat(book.getEditors().get(1).getName()).isEqualTo("Eve");
		Book nested = read("{\"id\":2,\"author\":{\"id\":7,\"name\":\"Ann\"},\"editors\":null}");
		assertThat(nested.getAuthor().getName()).isEqualTo("Ann");
		assertThat(stubs.isStub(nested.getAuthor())).isFalse();
		assertThat(nested.getEditors()).isNull();
	}

	@Test
	void aStubResolvesOnceToItsRecordWhichEqualStubsDoNotShare() {
		Book one = read("{\"id\":1,\"author\":7}");
		Book two = read("{\"id\":2,\"author\":7}");
		ReferenceStubs stubs = this.context.getReferenceStubs();
		Author whole = new Author(7L, "Ann", "PT");
		stubs.resolve(one.getAuthor(), whole);
		assertThat(stubs.resolved(one.getAuthor())).isSameAs(whole);
		assertThat(stubs.resolved(two.getAuthor())).isNull();
		assertThat(stubs.resolved(whole)).isNull();
	}

	@Test
	void relationsAreWrittenAsIds() {
		Book book = new Book();
		book.setTitle("T");
		book.setAuthor(new Author(7L, "Ann", "PT"));
		book.setEditors(List.of(new Author(8L, null, null), new Author(9L, "Eve", null)));
		String json = new String(this.books.getCodec().writeRecord(book), StandardCharsets.UTF_8);
		assertThat(json).isEqualTo("{\"author\":7,\"editors\":[8,9],\"title\":\"T\"}");
		assertThat(this.books.getCodec().toJsonMap(book)).containsEntry("author", 7)
			.containsEntry("editors", List.of(8, 9));
	}

	@Test
	void aRecordReadsItsRelationAsAStub() {
		ApiPersistentEntity<Review> reviews = this.context.getRequiredEntity(Review.class);
		Review review = reviews.getCodec().read("{\"id\":3,\"text\":\"good\",\"book\":1}".getBytes());
		assertThat(review.book().getId()).isEqualTo(1L);
		assertThat(this.context.getReferenceStubs().isStub(review.book())).isTrue();
		assertThat(new String(reviews.getCodec().writeRecord(review), StandardCharsets.UTF_8))
			.isEqualTo("{\"id\":3,\"text\":\"good\",\"book\":1}");
	}

	@Test
	void theQueryEvaluatorReadsAToOneAsTheRelatedId() {
		Book book = read("{\"id\":1,\"author\":{\"id\":7,\"name\":\"Ann\"}}");
		RecordFields.Field<Book> author = this.books.getRecordFields().field("author");
		assertThat(author.get(book)).isEqualTo(7L);
		assertThat(author.convert("7")).isEqualTo(7L);
		assertThat(author.convert(new Author(8L, null, null))).isEqualTo(8L);
		RecordFields.Field<Map<String, Object>> mapped = this.books.getMapFields().field("author");
		assertThat(mapped.get(Map.of("author", 7))).isEqualTo(7L);
		assertThat(mapped.get(Map.of("author", Map.of("id", 7, "name", "Ann")))).isEqualTo(7L);
		assertThat(this.books.getRecordFields().field("editors")).isNull();
	}

	@Test
	void aRelationToAClassThatIsNoModelFailsNamingIt() {
		// Spring Data wraps what an entity's verification throws.
		assertThatThrownBy(() -> this.context.getRequiredEntity(Orphan.class))
			.hasRootCauseInstanceOf(ConfigurationException.class)
			.rootCause()
			.hasMessageContaining("relation 'owner'")
			.hasMessageContaining(NotAModel.class.getName());
	}

	private Book read(String json) {
		return this.books.getCodec().read(json.getBytes(StandardCharsets.UTF_8));
	}

	@ApiModel(endpoint = "/orphans/")
	record Orphan(Long id, @Reference NotAModel owner) {
	}

	record NotAModel(Long id) {
	}

}
