package dev.apiorm.test.docs;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.AuditorAware;

import dev.apiorm.ApiRepository;
import dev.apiorm.EnableApiOrmAuditing;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditing example of {@code docs/spring-data.md}: {@code @EnableApiOrmAuditing} in a
 * Boot application fills in the audited fields of what is created.
 */
@ApiOrmTest
@Import(AuditingExamplesTests.AuditingConfiguration.class)
class AuditingExamplesTests {

	@Autowired
	ApiRepository<Comment> comments;

	@Autowired
	FakeApi api;

	@Test
	void createdFieldsAreFilledInBeforeTheRecordIsSent() {
		Instant before = Instant.now();
		Comment created = this.comments.save(new Comment("first"));
		assertThat(created.getAuthor()).isEqualTo("ann");
		assertThat(created.getCreatedAt()).isBetween(before, Instant.now());
		assertThat(created.getModifiedAt()).isEqualTo(created.getCreatedAt());
		assertThat(this.api.records(Comment.class)).singleElement()
			.satisfies((stored) -> assertThat(stored.getAuthor()).isEqualTo("ann"));
	}

	// tag::enable-auditing[]
	@TestConfiguration
	@EnableApiOrmAuditing
	static class AuditingConfiguration {

		@Bean
		AuditorAware<String> auditor() {
			return () -> Optional.of("ann");
		}

	}
	// end::enable-auditing[]

}
