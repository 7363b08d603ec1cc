"""Job/education probability from BIP scores. Pure: no Django import."""
