"""Store settings: what the shop configures once, stored as text key/values."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.pricing import PricingSettings, TaxRounding


@dataclass(frozen=True)
class StoreSettings:
    store_name: str = "pos_app shop"
    store_address: str = ""
    currency: str = "GBP"
    prices_include_tax: bool = True
    tax_rounding: TaxRounding = TaxRounding.LINE
    cash_increment: int = 1
    receipt_footer: str = "Thank you for shopping with us"
    till: str = "T1"
    clerk_discount_limit_bp: int = 1000  # clerks may give up to 10 % without a manager
    allow_negative_stock: bool = True  # shelves are the truth: sell what the customer holds

    @property
    def pricing(self) -> PricingSettings:
        return PricingSettings(self.prices_include_tax, self.tax_rounding, self.cash_increment)

    def to_text(self) -> dict[str, str]:
        return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in asdict(self).items()}

    @classmethod
    def from_text(cls, values: dict[str, str]) -> StoreSettings:
        return cls().updated(values)

    def updated(self, values: dict[str, Any]) -> StoreSettings:
        """A copy with `values` applied (text or typed), each checked; unknown keys refused."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, raw in values.items():
            if key not in known:
                raise InvalidInput(f"unknown setting '{key}'")
            current = getattr(self, key)
            text = str(raw).strip()
            try:
                if isinstance(current, bool):
                    if text.lower() not in ("true", "false"):
                        raise ValueError
                    value: Any = text.lower() == "true"
                elif isinstance(current, TaxRounding):
                    value = TaxRounding(text)
                elif isinstance(current, int):
                    value = int(text)
                    if value < 0:
                        raise ValueError
                else:
                    value = text
            except ValueError:
                raise InvalidInput(f"'{raw}' is not a valid value for {key}") from None
            changes[key] = value
        result = replace(self, **changes)
        if len(result.currency) != 3 or not result.currency.isalpha():
            raise InvalidInput("currency must be a three-letter code such as GBP")
        if not result.till or len(result.till) > 8 or not result.till.replace("_", "").isalnum():
            raise InvalidInput("till name must be 1-8 letters or digits, such as T1")
        if result.cash_increment < 1:
            raise InvalidInput("cash rounding step must be at least 1")
        return replace(result, currency=result.currency.upper())
