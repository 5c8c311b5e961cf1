"""The desk's domain: tickets, residents, routing, SLAs, bills. Plain Python, no transport imports."""
