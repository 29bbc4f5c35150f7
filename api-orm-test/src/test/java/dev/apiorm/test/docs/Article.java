package dev.apiorm.test.docs;

// tag::model[]
import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.apiorm.ApiModel;

@ApiModel(endpoint = "/api/v1/articles/")
public class Article {

	private Long id;

	@NotBlank
	private String title;

	private String status;

	private Integer views;

	@JsonProperty("author_name")
	private String authorName;

	public Article() {
	}

	public Article(String title, String status, Integer views, String authorName) {
		this.title = title;
		this.status = status;
		this.views = views;
		this.authorName = authorName;
	}

	// getters and setters
	// end::model[]

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

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Integer getViews() {
		return this.views;
	}

	public void setViews(Integer views) {
		this.views = views;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public void setAuthorName(String authorName) {
		this.authorName = authorName;
	}

}
