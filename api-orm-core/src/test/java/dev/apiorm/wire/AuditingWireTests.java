package dev.apiorm.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiRepository;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.fixtures.Note;
import dev.apiorm.repository.config.ApiOrmAuditingRegistrar;
import dev.apiorm.repository.support.AuditingSaveCallback;
import org.junit.jupiter.api.Test;

import org.springframework.data.auditing.IsNewAwareAuditingHandler;
import org.springframework.data.mapping.callback.EntityCallbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditing: the annotated fields are filled in before the record is sent, the creation
 * fields only for a new record.
 */
class AuditingWireTests extends WireTestSupport {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		EntityCallbacks callbacks = EntityCallbacks.create();
		builder.timeout(Duration.ofSeconds(10)).entityCallbacks(callbacks);
		return builder.mappingContext(mappingContext(callbacks));
	}

	private ApiMappingContext mappingContext(EntityCallbacks callbacks) {
		ApiMappingContext context = new ApiMappingContext();
		IsNewAwareAuditingHandler handler = ApiOrmAuditingRegistrar.handler(context);
		handler.setDateTimeProvider(() -> Optional.of(this.now.get()));
		handler.setAuditorAware(() -> Optional.of("ann"));
		callbacks.addEntityCallback(new AuditingSaveCallback(handler));
		return context;
	}

	@Test
	void createdFieldsOnCreateModifiedFieldsOnEverySave() {
		stub(post(urlEqualTo("/api/v1/notes/")).willReturn(okJson(
				"{\"id\":4,\"text\":\"hi\",\"created\":\"2026-12-03T10:00:00Z\",\"modified\":\"2026-12-03T10:00:00Z\","
						+ "\"author\":\"ann\"}")
			.withStatus(201)));
		stub(put(urlEqualTo("/api/v1/notes/4/")).willReturn(okJson(
				"{\"id\":4,\"text\":\"hi\",\"created\":\"2026-12-03T10:00:00Z\",\"modified\":\"2026-12-03T11:00:00Z\","
						+ "\"author\":\"ann\"}")));
		ApiRepository<Note> notes = this.orm.repository(Note.class);
		Note note = notes.save(new Note("hi"));
		assertThat(note.getCreated()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
		this.now.set(Instant.parse("2026-12-03T11:00:00Z"));
		Note untracked = new Note("hi");
		untracked.setId(4L);
		notes.save(untracked);
		assertThat(sent()).containsExactly(
				"POST /api/v1/notes/ {\"text\":\"hi\",\"author\":\"ann\",\"created\":\"2026-12-03T10:00:00Z\","
						+ "\"modified\":\"2026-12-03T10:00:00Z\"}",
				"PUT /api/v1/notes/4/ {\"text\":\"hi\",\"id\":4,\"modified\":\"2026-12-03T11:00:00Z\"}");
	}

}
