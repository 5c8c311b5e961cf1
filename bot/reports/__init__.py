"""The desk's figures: computations, rendering, charts, the /report command and the weekly digest."""
