"""The breach-incident log: the 72-hour clock, notifications, the timeline, documents and drills.

Services (``commands``, ``notifications``, ``drills``) write through a unit of work; ``queries``
reads; ``rules`` holds the pure rules; ``documents`` builds the PDFs and the register.
"""
