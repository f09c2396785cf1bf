"""The Interoperability Platform: membership, its meetings and the common actions they set."""
