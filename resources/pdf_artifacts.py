"""Page decoration that a tagged PDF leaves out of its structure tree, marked as what it is.

WeasyPrint puts the text of the page margins (running heads, page numbers) in marked
content that no structure element holds (Kozea/WeasyPrint#1836: a tree can hold artifacts
only from PDF 2.0); PDF/UA asks for it to be an artifact, which a screen reader skips.
"""

import io

import pikepdf


def margins_as_artifacts(pdf):
    """The PDF with the marked content that its structure tree leaves out (the page
    margins' text) made pagination artifacts, as PDF/UA asks of page numbers."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        tree = document.Root.StructTreeRoot
        in_tree = set(structure_elements(tree))
        parent_tree = pikepdf.NumberTree(tree.ParentTree)
        for page in document.pages:
            if "/StructParents" not in page:
                continue  # nothing marked on it
            elements = parent_tree[int(page.StructParents)]
            instructions = []
            for operands, operator in pikepdf.parse_content_stream(page):
                if operator == pikepdf.Operator("BDC") and "/MCID" in operands[1]:
                    mcid = int(operands[1].MCID)
                    if elements[mcid].objgen not in in_tree:
                        operands = [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination)]
                        elements[mcid] = None
                instructions.append(pikepdf.ContentStreamInstruction(operands, operator))
            page.Contents = document.make_stream(pikepdf.unparse_content_stream(instructions))
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()


def structure_elements(element):
    """The object ids of a structure tree's elements, from `element` down."""
    yield element.objgen
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:  # not marked content or an annotation
            yield from structure_elements(kid)
