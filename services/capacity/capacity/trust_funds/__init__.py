"""NATO Trust Fund projects in partner countries: phases, nations' pledges and payments, progress reports."""
