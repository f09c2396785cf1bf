"""Partner countries as programmes tells of them, whether support may go to one, and whom an account acts for."""
