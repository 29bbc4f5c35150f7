package dev.apiorm.conformance;

import org.springframework.data.annotation.Reference;

import dev.apiorm.ApiModel;
import dev.apiorm.Hyperlinked;

/**
 * A novel of the DRF server whose author DRF's {@code HyperlinkedRelatedField} writes as
 * the author's URL.
 */
@ApiModel(endpoint = "/api/v1/linked-novels/")
public class LinkedNovel {

	private Long id;

	private String title;

	@Reference
	@Hyperlinked
	private Author author;

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
