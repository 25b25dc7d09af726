"""Technical analysis: indicators and signals (pure), and the screener and APIs built on them."""
