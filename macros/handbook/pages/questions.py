"""The question bank's pages: an index of every question with the filters, and the answer guides
by area, in pages of at most QUESTIONS_PER_PAGE so that no page grows with the whole bank.

Old links to /questions/#<question-id> still land: the index holds an entry with that id, which
links to the question's guide (and questions.js follows that link at once).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Handbook, Question, Skill
from .paths import root_of
from .render import render

QUESTIONS_PER_PAGE = 40


@dataclass(frozen=True)
class QuestionPage:
    """One page of one area's answer guides."""

    area: Skill
    number: int
    count: int
    questions: tuple[Question, ...]

    @property
    def url(self) -> str:
        """The page's URL relative to the site root: questions/<area>/ or questions/<area>/2/."""
        base = f"questions/{self.area.id}/"
        return base if self.number == 1 else f"{base}{self.number}/"

    @property
    def source(self) -> str:
        """The generated Markdown file's docs-relative path."""
        return self.url.rstrip("/") + ".md"

    @property
    def title(self) -> str:
        suffix = f", page {self.number} of {self.count}" if self.count > 1 else ""
        return f"{self.area.name} questions{suffix}"


def question_pages(hb: Handbook, per_page: int = QUESTIONS_PER_PAGE) -> list[QuestionPage]:
    """Every area's pages, in the skills' order; an area without questions has none."""
    pages = []
    for area in hb.skills:
        questions = hb.questions_in(area.id)
        starts = range(0, len(questions), per_page)
        chunks = [questions[start : start + per_page] for start in starts]
        pages += [QuestionPage(area, n, len(chunks), chunk) for n, chunk in enumerate(chunks, 1)]
    return pages


def question_urls(hb: Handbook, per_page: int = QUESTIONS_PER_PAGE) -> dict[str, str]:
    """Question id -> its guide's URL relative to the site root (questions/<area>/#<id>)."""
    return {
        question.id: f"{page.url}#{question.id}"
        for page in question_pages(hb, per_page)
        for question in page.questions
    }


def questions_index(hb: Handbook, root: str) -> str:
    """/questions/: filters over one entry per question, each linking to its answer guide."""
    pages = question_pages(hb)
    return render(
        "questions.md.j2",
        hb=hb,
        root=root,
        urls=question_urls(hb),
        first_pages={page.area.id: page for page in pages if page.number == 1},
    )


def question_page(hb: Handbook, page: QuestionPage, pages: list[QuestionPage] | None = None) -> str:
    """One page of an area's answer guides, with the role, difficulty and text filters; pages:
    every page of the bank (question_pages), when the caller has them already."""
    siblings = [other for other in pages or question_pages(hb) if other.area.id == page.area.id]
    return render(
        "question_area.md.j2", hb=hb, page=page, siblings=siblings, root=root_of(page.url)
    )


def generated_question_pages(hb: Handbook) -> dict[str, str]:
    """docs-relative path -> finished Markdown for every page of answer guides."""
    pages = question_pages(hb)
    return {page.source: question_page(hb, page, pages) for page in pages}
