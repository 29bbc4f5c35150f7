package dev.apiorm.kotlin

import com.github.tomakehurst.wiremock.WireMockServer
import com.github.tomakehurst.wiremock.client.WireMock.equalToJson
import com.github.tomakehurst.wiremock.client.WireMock.get
import com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor
import com.github.tomakehurst.wiremock.client.WireMock.okJson
import com.github.tomakehurst.wiremock.client.WireMock.post
import com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor
import com.github.tomakehurst.wiremock.client.WireMock.put
import com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor
import com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo
import com.github.tomakehurst.wiremock.stubbing.ServeEvent
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.wiremock.spring.ConfigureWireMock
import org.wiremock.spring.EnableWireMock
import org.wiremock.spring.InjectWireMock

/**
 * Kotlin data classes written and read on the wire: the answer to a write of an immutable
 * model (`val` properties, or a `@JvmRecord`) is a new instance built through its
 * constructor; a model of `var` properties is updated in place.
 */
@SpringBootTest(classes = [KotlinApplication::class], properties = ["api-orm.verify-results=false"])
@EnableWireMock(ConfigureWireMock(baseUrlProperties = ["api-orm.base-url"]))
class DataClassWireTests {

	@InjectWireMock
	lateinit var wire: WireMockServer

	@Autowired
	lateinit var books: KBookApi

	@Autowired
	lateinit var authors: KAuthorApi

	@Autowired
	lateinit var notes: KNoteApi

	private fun sent(): List<String> = wire.allServeEvents.reversed()
		.map { event: ServeEvent -> event.request.method.toString() + " " + event.request.url }

	@Test
	fun createOfADataClassReturnsTheServersRecord() {
		wire.stubFor(post(urlEqualTo("/books/"))
			.willReturn(okJson("""{"id":7,"title":"kotlin","pages":0,"genre":"lang"}""").withStatus(201)))
		// tag::create-data-class[]
		val book = KBook(title = "kotlin")
		// POST /books/ {"title":"kotlin","pages":0}: the server's record, a new instance
		val created = books.create(book)
		// end::create-data-class[]

		assertThat(created).isEqualTo(KBook(id = 7, title = "kotlin", pages = 0, genre = "lang"))
		assertThat(book.id).isNull()
		assertThat(sent()).containsExactly("POST /books/")
		wire.verify(postRequestedFor(urlEqualTo("/books/")).withRequestBody(
			equalToJson("""{"title":"kotlin","pages":0}""", false, false)))
	}

	@Test
	fun saveOfANewDataClassPostsAndOfAnExistingOnePuts() {
		wire.stubFor(post(urlEqualTo("/books/"))
			.willReturn(okJson("""{"id":8,"title":"coroutines","pages":120}""").withStatus(201)))
		wire.stubFor(put(urlEqualTo("/books/8/"))
			.willReturn(okJson("""{"id":8,"title":"coroutines, 2nd edition","pages":140,"genre":"lang"}""")))

		val saved = books.save(KBook(title = "coroutines", pages = 120))
		val replaced = books.save(saved.copy(title = "coroutines, 2nd edition", pages = 140))

		assertThat(saved).isEqualTo(KBook(id = 8, title = "coroutines", pages = 120))
		assertThat(replaced).isEqualTo(KBook(id = 8, title = "coroutines, 2nd edition", pages = 140, genre = "lang"))
		assertThat(sent()).containsExactly("POST /books/", "PUT /books/8/")
		wire.verify(postRequestedFor(urlEqualTo("/books/")).withRequestBody(
			equalToJson("""{"title":"coroutines","pages":120}""", false, false)))
		wire.verify(putRequestedFor(urlEqualTo("/books/8/")).withRequestBody(
			equalToJson("""{"id":8,"title":"coroutines, 2nd edition","pages":140}""", false, false)))
	}

	@Test
	fun readsRefreshAndBulkCreateOfADataClass() {
		wire.stubFor(get(urlEqualTo("/books/3/"))
			.willReturn(okJson("""{"id":3,"title":"read","pages":10,"unknown":"ignored"}""")))
		wire.stubFor(post(urlEqualTo("/books/")).willReturn(okJson("""{"id":9,"title":"bulk","pages":1}""")
			.withStatus(201)))

		val read = books.get(3)
		val refreshed = books.refresh(read.copy(title = "changed here"))
		val bulk = books.bulkCreate(listOf(KBook(title = "bulk", pages = 1)))

		assertThat(read).isEqualTo(KBook(id = 3, title = "read", pages = 10))
		assertThat(refreshed).isEqualTo(read)
		assertThat(bulk).containsExactly(KBook(id = 9, title = "bulk", pages = 1))
		assertThat(sent()).containsExactly("GET /books/3/", "GET /books/3/", "POST /books/")
		wire.verify(2, getRequestedFor(urlEqualTo("/books/3/")))
	}

	@Test
	fun createOfAJvmRecordReturnsTheServersRecord() {
		wire.stubFor(post(urlEqualTo("/notes/"))
			.willReturn(okJson("""{"id":4,"text":"a record"}""").withStatus(201)))

		val created = notes.create(KNote(null, "a record"))

		assertThat(KNote::class.java.isRecord).isTrue()
		assertThat(created).isEqualTo(KNote(4, "a record"))
		wire.verify(postRequestedFor(urlEqualTo("/notes/")).withRequestBody(
			equalToJson("""{"text":"a record"}""", false, false)))
	}

	@Test
	fun createOfAMutableDataClassUpdatesTheInstanceInPlace() {
		wire.stubFor(post(urlEqualTo("/authors/"))
			.willReturn(okJson("""{"id":5,"name":"Ann","books":2}""").withStatus(201)))
		val author = KAuthor(name = "Ann")

		val created = authors.create(author)

		assertThat(created).isSameAs(author)
		assertThat(author).isEqualTo(KAuthor(id = 5, name = "Ann", books = 2))
		wire.verify(postRequestedFor(urlEqualTo("/authors/")).withRequestBody(
			equalToJson("""{"name":"Ann","books":0}""", false, false)))
	}

}
