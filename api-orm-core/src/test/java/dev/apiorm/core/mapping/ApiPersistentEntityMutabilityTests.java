package dev.apiorm.core.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import dev.apiorm.ApiModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which models are updated in place by the server's answer to a write, and which get a
 * new instance: Jackson can update an instance only through setters and non-final fields.
 */
class ApiPersistentEntityMutabilityTests {

	private final ApiMappingContext context = new ApiMappingContext();

	@Test
	void beanWithSettersIsUpdatedInPlace() {
		assertThat(this.context.getRequiredEntity(Bean.class).isMutable()).isTrue();
	}

	@Test
	void recordIsNot() {
		assertThat(this.context.getRequiredEntity(Point.class).isMutable()).isFalse();
	}

	@Test
	void classWithAFinalPropertySetThroughItsConstructorIsNot() {
		ApiPersistentEntity<Frozen> entity = this.context.getRequiredEntity(Frozen.class);

		assertThat(entity.isMutable()).isFalse();
		assertThat(entity.getCodec().read("{\"id\":3,\"name\":\"ice\"}".getBytes()))
			.satisfies((frozen) -> assertThat(frozen.getName()).isEqualTo("ice"));
	}

	@ApiModel(endpoint = "/beans/")
	static class Bean {

		private Long id;

		private String name;

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	@ApiModel(endpoint = "/points/")
	record Point(Long id, int x) {
	}

	@ApiModel(endpoint = "/frozen/")
	static class Frozen {

		private Long id;

		private final String name;

		@JsonCreator
		Frozen(@JsonProperty("id") Long id, @JsonProperty("name") String name) {
			this.id = id;
			this.name = name;
		}

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getName() {
			return this.name;
		}

	}

}
