"""What the page editor posts for a page as it stands, read from the editor's own form.

A test can then preview or save any page type without spelling out its fields: every field,
inline panel (formset) and StreamField block is sent as the browser sends it.
"""

from django import forms
from wagtail.blocks import BlockField, ListBlock, StreamBlock, StructBlock


def page_form_data(page, user):
    """The edit form's data for `page`, with the relations it holds in memory (an unsaved cluster too)."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent().specific, for_user=user)
    return dict(form_data(form))


def form_data(form):
    for field in form:
        yield from field_data(field)
    for formset in getattr(form, "formsets", {}).values():
        for field in formset.management_form:
            yield field.html_name, field.value()
        for subform in formset.forms:
            yield from form_data(subform)


def field_data(bound):
    field, value = bound.field, bound.value()
    if field.show_hidden_initial:  # a field with a callable default sends its initial value too
        yield bound.html_initial_name, field.hidden_widget().format_value(value)
    if isinstance(field, BlockField):
        yield from block_data(field.block, field.block.get_form_state(value), bound.html_name)
    elif isinstance(field.widget, forms.CheckboxInput):
        if value:
            yield bound.html_name, "on"  # an unticked box sends nothing
    elif not isinstance(field.widget, forms.FileInput):
        formatted = field.widget.format_value(value)
        yield bound.html_name, "" if formatted is None else formatted


def block_data(block, state, prefix):
    """A block's value as its editor's inputs post it, from the state the admin gives the editor."""
    if isinstance(block, (StreamBlock, ListBlock)):
        yield f"{prefix}-count", len(state or [])
        for i, child in enumerate(state or []):
            child_block = block.child_blocks[child["type"]] if isinstance(block, StreamBlock) else block.child_block
            if isinstance(block, StreamBlock):
                yield f"{prefix}-{i}-type", child["type"]
            yield f"{prefix}-{i}-deleted", ""
            yield f"{prefix}-{i}-order", i
            yield f"{prefix}-{i}-id", child.get("id") or ""
            yield from block_data(child_block, child["value"], f"{prefix}-{i}-value")
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from block_data(child_block, (state or {}).get(name), f"{prefix}-{name}")
    elif isinstance(state, bool):
        if state:
            yield prefix, "on"
    elif isinstance(state, dict):
        yield prefix, state["id"]  # a chooser: the chosen item's id
    else:
        yield prefix, "" if state is None else state
