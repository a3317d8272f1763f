"""Signals other apps listen to; sent on commit, with the act's id only.

``act_signed``: an act became signed (search adds it to the internal index).
``act_published``: an act's depersonalized text became public (search adds it to the public bank).
``act_withdrawn``: a published act was taken out of the public bank (search removes it).
"""

from django.dispatch import Signal

act_signed = Signal()  # kwargs: act_id
act_published = Signal()  # kwargs: act_id
act_withdrawn = Signal()  # kwargs: act_id
