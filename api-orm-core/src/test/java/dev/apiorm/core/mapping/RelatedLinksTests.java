package dev.apiorm.core.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RelatedLinks}.
 */
class RelatedLinksTests {

	@Test
	void anIdIsWrittenAsAPercentEncodedPathAndReadBack() {
		String path = RelatedLinks.pathOf("/api/v1/tags/", "sci fi/50%");
		assertThat(path).isEqualTo("/api/v1/tags/sci%20fi%2F50%25/");
		assertThat(RelatedLinks.idIn("https://host:8443" + path, "/api/v1/tags/")).isEqualTo("sci fi/50%");
	}

	@Test
	void anEndpointWithoutTrailingSlashHasRecordPathsWithout() {
		assertThat(RelatedLinks.pathOf("/tags", 7L)).isEqualTo("/tags/7");
		assertThat(RelatedLinks.idIn("http://localhost:3000/tags/7", "/tags")).isEqualTo("7");
	}

	@Test
	void aLinkToAnotherCollectionOrBelowARecordNamesNoId() {
		assertThat(RelatedLinks.idIn("https://host/api/v1/publishers/7/", "/api/v1/authors/")).isNull();
		assertThat(RelatedLinks.idIn("https://host/api/v1/authors/7/books/", "/api/v1/authors/")).isNull();
		assertThat(RelatedLinks.idIn("https://host/api/v1/authors/", "/api/v1/authors/")).isNull();
		assertThat(RelatedLinks.idIn("https://host/api v1/authors/7/", "/api/v1/authors/")).isNull();
	}

	@Test
	void onlyAbsoluteUrlsAndPathsAreLinks() {
		assertThat(RelatedLinks.isLink("https://host/a/1/")).isTrue();
		assertThat(RelatedLinks.isLink("/a/1/")).isTrue();
		assertThat(RelatedLinks.isLink("7")).isFalse();
		assertThat(RelatedLinks.isLink("c0ffee-uuid")).isFalse();
	}

}
