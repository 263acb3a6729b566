"""What a cart line sells: its price, quantity and measure as the product and its label say.

A line of a product sold each counts items at the product's price. A line of a product sold by
weight is grams at the price per kg, typed by the clerk or read from a weight label. A price
label is one item at the printed price, whatever the product: the shop's scale has already
weighed and priced it, and the customer pays exactly what the label says.
"""

from __future__ import annotations

from pos_app.domain.cart import CartLine
from pos_app.domain.errors import InvalidInput
from pos_app.domain.pricing import LineInput
from pos_app.domain.records import Product
from pos_app.domain.variable_measure import (
    Label,
    LabelLayout,
    Measure,
    SoldBy,
    grams_for_price,
    kg_text,
    read_label,
)


def labelled(code: str, product: Product, layout: LabelLayout) -> Label:
    """The scale label on a cart line, read again and checked to be for that line's product."""
    label = read_label(code, layout)
    if label is None or label.item_barcode != product.barcode:
        raise InvalidInput(f"label {code} is not a label for {product.name}: scan it again")
    return label


def line_input(line: CartLine, product: Product, layout: LabelLayout) -> LineInput:
    """The line to price; refuses a weight for a product sold each, a count for one sold by
    weight, and a label whose weight or price the line does not carry."""
    if line.label is not None:
        label = labelled(line.label, product, layout)
        if label.measure is Measure.PRICE:
            if line.weighed or line.qty != 1:
                raise InvalidInput("a labelled item is sold one label at a time: scan each label")
            return LineInput(label.value, 1, product.tax_rate_bp, line.discount)
        if product.sold_by is not SoldBy.WEIGHT:
            raise InvalidInput(f"{product.name} is sold each: a weight label needs a product sold by weight")
        if not line.weighed or line.qty != label.value:
            raise InvalidInput(f"label {label.code} weighs {kg_text(label.value)}: scan the label again")
        return LineInput(product.price, label.value, product.tax_rate_bp, line.discount, SoldBy.WEIGHT)
    if product.sold_by is SoldBy.WEIGHT and not line.weighed:
        raise InvalidInput(
            f"{product.name} is sold by weight: scan its scale label or type its weight, e.g. 0.350"
        )
    if product.sold_by is SoldBy.EACH and line.weighed:
        raise InvalidInput(f"{product.name} is sold each: give how many, not a weight")
    return LineInput(product.price, line.qty, product.tax_rate_bp, line.discount, product.sold_by)


def stock_qty(product: Product, measure: SoldBy, qty: int, unit_price: int) -> int:
    """How much of the product's stock a line of `qty` takes (or a refund of it gives back):
    items, or grams. A price label on a product sold by weight carries no weight: it takes the
    grams its price buys at the product's price per kg."""
    if product.sold_by is SoldBy.WEIGHT and measure is SoldBy.EACH:
        return grams_for_price(unit_price, product.price) * qty
    return qty
