"""A table and an option list that also move with vim keys (j/k, g/G, ctrl+d/u, l to open)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable, OptionList
from textual.widgets.data_table import RowKey

from studylog.tui import keys


class VimTable(DataTable):
    """A row-cursor DataTable with vim movement; a column is a label, or (label, width) to cap its width."""

    BINDINGS = keys.bindings("table")

    def __init__(self, *columns: str | tuple[str, int], **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        for column in columns:  # here, not on mount: a fast load may fill the table before it has mounted
            label, width = column if isinstance(column, tuple) else (column, None)
            self.add_column(label, width=width)

    def add_row(self, *cells, **kwargs) -> RowKey:
        """Widen each auto-width column for the new cells now. DataTable measures them only when idle, and a frame
        painted before that caches the cells cut to the old widths (its cell cache is not keyed by width)."""
        row_key = super().add_row(*cells, **kwargs)
        for column, cell in zip(self.ordered_columns, cells):
            plain = cell.plain if isinstance(cell, Text) else str(cell)
            column.content_width = max(column.content_width, *(cell_len(line) for line in plain.splitlines() or [""]))
        return row_key

    def move_to_key(self, row_key: str, fallback_row: int = 0) -> None:
        """Put the cursor on the row with this key, when it is there; else on fallback_row (or the last row)."""
        if self.row_count:
            self.move_cursor(row=self.get_row_index(row_key) if row_key in self.rows else min(fallback_row, self.row_count - 1))


class VimOptionList(OptionList):
    """An OptionList with vim movement."""

    BINDINGS = keys.bindings("options")
