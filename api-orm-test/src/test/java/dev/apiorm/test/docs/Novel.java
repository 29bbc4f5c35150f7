package dev.apiorm.test.docs;

import org.springframework.data.annotation.Reference;

import dev.apiorm.ApiModel;

/**
 * A novel of the relations example: its author is a relation, sent by the API as the
 * author's id.
 */
// tag::relation-model[]
@ApiModel(endpoint = "/api/v1/novels/")
public class Novel {

	private Long id;

	private String title;

	@Reference // the API sends "author": 7 (or the author nested whole)
	private Author author;

	// end::relation-model[]
	public Novel() {
	}

	public Novel(String title, Author author) {
		this.title = title;
		this.author = author;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Author getAuthor() {
		return this.author;
	}

	public void setAuthor(Author author) {
		this.author = author;
	}

}
