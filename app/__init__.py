"""North Korean workers abroad: a read-only dashboard of dated, sourced estimates."""
