package dev.apiorm.conformance.spring;

import java.util.List;

import dev.apiorm.conformance.RawAnswer;
import org.junit.jupiter.api.Test;

import static dev.apiorm.conformance.RawAnswer.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owners at {@code /petclinic/api/owners} speak spring-petclinic-rest's v1
 * convention, read over plain HTTP: a plain list, {@code lastName} matched by prefix, 404
 * for an empty list, and writes answered 201 and 204.
 */
class PetclinicOwnersServerIT {

	private final SpringBooksServer.Running server = SpringBooksServer.get();

	@Test
	void aListingIsAPlainArrayOfEveryOwner() {
		RawAnswer answer = owners("");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().isArray()).isTrue();
		assertThat(answer.ids("")).hasSize(12);
		assertThat(answer.body().get(0).propertyNames()).containsExactlyInAnyOrder("id", "firstName", "lastName",
				"address", "city", "telephone");
	}

	@Test
	void aLastNameMatchesEveryOwnerWhoseLastNameStartsWithIt() {
		assertThat(lastNames(owners(query("lastName", "Davis")))).containsExactly("Davis", "Davis", "Davisson");
		assertThat(lastNames(owners(query("lastName", "Davisson")))).containsExactly("Davisson");
		assertThat(lastNames(owners(query("lastName", "Dav")))).containsExactly("Davis", "Davis", "Davisson", "Davies");
	}

	@Test
	void anEmptyListIsNotFoundWithNoBody() {
		RawAnswer answer = owners(query("lastName", "Nobody"));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().isMissingNode()).isTrue();
	}

	@Test
	void otherParametersAreIgnored() {
		assertThat(owners(query("city", "Madison", "ordering", "-id", "page", "1", "size", "2")).ids(""))
			.containsExactlyElementsOf(owners("").ids(""));
	}

	@Test
	void writesAnswerCreatedWithALocationAndNoContent() {
		RawAnswer created = RawAnswer.send("POST", ownersUrl(),
				"{\"firstName\":\"Tess\",\"lastName\":\"Quill\",\"city\":\"Madison\"}");
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/petclinic/api/owners/" + id);
		RawAnswer replaced = RawAnswer.send("PUT", ownersUrl() + "/" + id,
				"{\"firstName\":\"Tess\",\"lastName\":\"Quillon\",\"city\":\"Verona\"}");
		assertThat(replaced.status()).isEqualTo(204);
		assertThat(replaced.body().isMissingNode()).isTrue();
		assertThat(RawAnswer.get(ownersUrl() + "/" + id).body().get("lastName").asString()).isEqualTo("Quillon");
		assertThat(RawAnswer.send("DELETE", ownersUrl() + "/" + id, "").status()).isEqualTo(204);
		assertThat(RawAnswer.get(ownersUrl() + "/" + id).status()).isEqualTo(404);
		assertThat(RawAnswer.send("POST", ownersUrl(), "{\"firstName\":\"Tess\",\"lastName\":\" \"}").status())
			.isEqualTo(400);
	}

	private RawAnswer owners(String query) {
		return RawAnswer.get(ownersUrl() + query);
	}

	private String ownersUrl() {
		return this.server.baseUrl() + "/petclinic/api/owners";
	}

	private static List<String> lastNames(RawAnswer answer) {
		return answer.body().valueStream().map((owner) -> owner.get("lastName").asString()).toList();
	}

}
