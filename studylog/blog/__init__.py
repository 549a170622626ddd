"""Publishing: a week as a blog post (Markdown or Tistory HTML) and old posts back into the journal.

Export: `from_week.build_post` → `layout.lay_out` → `to_markdown` / `to_html`.
Import: `read.read_blocks` (Markdown, HTML or the plain text of a copied page) → `assemble` → `store_post`.
Neither direction imports torch.
"""
