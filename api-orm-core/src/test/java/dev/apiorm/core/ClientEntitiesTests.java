package dev.apiorm.core;

import org.junit.jupiter.api.Test;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.fixtures.Invoice;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The models one client serves, looked up once.
 */
class ClientEntitiesTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ClientEntities entities = new ClientEntities(this.context, "default");

	@Test
	void aModelOfTheClientIsItsMappingContextsEntity() {
		assertThat(this.entities.of(User.class)).isSameAs(this.context.getRequiredEntity(User.class));
		assertThat(this.entities.ofInstance(new User())).isSameAs(this.entities.of(User.class));
	}

	@Test
	void aModelAnotherClientServesIsRefusedNamingBoth() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.entities.of(Invoice.class))
			.withMessage("dev.apiorm.fixtures.Invoice is served by the client 'billing', not by 'default'");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.entities.ofInstance(new Invoice(1L, 100)));
	}

	@Test
	void anInstanceIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.entities.ofInstance(null))
			.withMessage("object must not be null");
	}

}
