package dev.apiorm.conformance;

import java.util.List;

import org.springframework.data.annotation.Reference;

import dev.apiorm.ApiModel;

/**
 * A novel of the DRF server: its author is a foreign key, which DRF's
 * {@code PrimaryKeyRelatedField} writes as the author's id, and its tags a many-to-many
 * relation, written as a list of ids.
 */
@ApiModel(endpoint = "/api/v1/novels/")
public class Novel {

	private Long id;

	private String title;

	@Reference
	private Author author;

	@Reference
	private List<Tag> tags;

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

	public List<Tag> getTags() {
		return this.tags;
	}

	public void setTags(List<Tag> tags) {
		this.tags = tags;
	}

}
