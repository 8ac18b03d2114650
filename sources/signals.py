"""What sources announces about articles, for the apps above it to act on.

sources knows nothing of claims: ingestion sends these, and claims connects its
receivers in ClaimsConfig.ready() (claims/receivers.py) and decides what they mean
for stances. Both are sent inside the transaction that stores the article, so a
receiver's writes commit or roll back with it; work for later (a task) belongs in
transaction.on_commit.
"""

from django.dispatch import Signal

# A new article row was stored. Arguments: article (sender: Article).
article_stored = Signal()

# Stored articles became copies of an older original stored now (it arrived after its
# copies). Arguments: articles (the demoted rows), original (the new article).
articles_demoted = Signal()
