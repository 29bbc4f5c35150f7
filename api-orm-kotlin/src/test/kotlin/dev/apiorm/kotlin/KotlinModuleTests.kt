package dev.apiorm.kotlin

import dev.apiorm.core.mapping.ApiMappingContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import tools.jackson.databind.json.JsonMapper

/**
 * Without Spring Boot's mapper (`ApiOrm.builder()`, or an application's own mapper), the
 * mapping context adds Jackson's Kotlin module itself when it is on the class path.
 */
class KotlinModuleTests {

	@Test
	fun aPlainMapperReadsDataClassesThroughTheirConstructors() {
		val entity = ApiMappingContext(JsonMapper.builder().build()).getRequiredEntity(KBook::class.java)

		val book = entity.codec.read("""{"id":1,"title":"plain"}""".toByteArray())

		assertThat(book).isEqualTo(KBook(id = 1, title = "plain"))
		assertThat(entity.isMutable).isFalse()
	}

	@Test
	fun theModuleIsAddedOnce() {
		val withModule = JsonMapper.builder().findAndAddModules().build()

		val mapper = ApiMappingContext(withModule).jsonMapper

		assertThat(mapper.registeredModules().map { it.javaClass.name }
			.filter { it == "tools.jackson.module.kotlin.KotlinModule" }).hasSize(1)
	}

}
