"""Science for Peace and Security grant applications: filing, review, decision, the grant and its reports."""
